package com.campagne.connectors.api;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The non-secret values of a connection's settings, as validated against the connector's
 * declaration. Secrets are not here: read them through {@link ConnectorContext#secrets()}, so that
 * printing a {@code Settings} never leaks one.
 */
public final class Settings {

    private final Map<String, String> values;
    private final Map<String, SettingFile> files;

    /**
     * Settings with the given values and files.
     *
     * @param values the values by setting key (absent or blank means not given)
     * @param files  the uploaded files by setting key
     */
    public Settings(Map<String, String> values, Map<String, SettingFile> files) {
        this.values = Map.copyOf(values);
        this.files = Map.copyOf(files);
    }

    /** Settings with values only. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of());
    }

    /** All the values by key (without secrets or files). */
    public Map<String, String> values() {
        return values;
    }

    /** The value of a setting, if given and not blank. */
    public Optional<String> find(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The value of a required setting. */
    public String get(String key) {
        return find(key).orElseThrow(() -> new BadSettingsException(key,
                Text.of("Le paramètre « " + key + " » manque.", "The setting \"" + key + "\" is missing.")));
    }

    /** The value of a number setting, if given. */
    public Optional<BigDecimal> number(String key) {
        return find(key).map(v -> new BigDecimal(v.replace(',', '.')));
    }

    /** The value of a date setting, if given. */
    public Optional<LocalDate> date(String key) {
        return find(key).map(LocalDate::parse);
    }

    /** The value of a URL setting, if given. */
    public Optional<URI> url(String key) {
        return find(key).map(URI::create);
    }

    /** The file uploaded for a file setting, if any. */
    public Optional<SettingFile> file(String key) {
        return Optional.ofNullable(files.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && values.equals(other.values) && files.keySet().equals(other.files.keySet());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, files.keySet());
    }

    @Override
    public String toString() {
        return "Settings" + values + (files.isEmpty() ? "" : " files=" + files.keySet());
    }

    /** A file uploaded by the user for a {@link SettingType#FILE} setting. */
    public interface SettingFile {

        /** The file's name as uploaded ({@code rapport-campagnes.csv}). */
        String name();

        /** Its size in bytes. */
        long size();

        /** Opens the content; the caller closes the stream. */
        InputStream open() throws IOException;
    }
}
