package com.campagne.connectors.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declaration of one setting of a connector, in the spirit of Kafka Connect's {@code ConfigDef}:
 * one declaration drives both the form the app renders and the validation of what the user typed.
 * Build one with the static factories and the {@code with…} methods:
 *
 * <pre>{@code
 * SettingField.text("customerId", Text.of("Identifiant client", "Customer ID"))
 *         .asRequired()
 *         .pattern("\\d{3}-\\d{3}-\\d{4}", Text.of("Format 123-456-7890", "Format 123-456-7890"))
 *         .help(Text.of("En haut à droite de Google Ads", "Top right in Google Ads"));
 * }</pre>
 *
 * @param key          the stable key of the value in {@link Settings} or {@link Secrets}
 * @param type         the type, which decides the input rendered
 * @param label        the label of the input
 * @param help         a help text under the input, or {@code null}
 * @param required     whether a value must be given
 * @param defaultValue the value proposed in a new form, or {@code null}
 * @param choices      the allowed values of a {@link SettingType#CHOICE}, empty otherwise
 * @param pattern      a regular expression the whole value must match, or {@code null}
 * @param patternHint  what to tell the user when the pattern does not match, or {@code null}
 * @param min          the smallest allowed number, or {@code null}
 * @param max          the largest allowed number, or {@code null}
 * @param group        the group (fieldset) the input is shown in, or {@code null}
 * @param order        the position in its group, smallest first
 */
public record SettingField(String key, SettingType type, Text label, Text help, boolean required,
                           String defaultValue, List<Choice> choices, String pattern, Text patternHint,
                           BigDecimal min, BigDecimal max, Text group, int order) {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

    public SettingField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Setting key must match " + KEY + ": " + key);
        }
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("Choice setting " + key + " declares no choices");
        }
        if (pattern != null) {
            Pattern.compile(pattern);
        }
    }

    /** A setting of the given type with only its key and label; refine it with the {@code with…} methods. */
    public static SettingField of(String key, SettingType type, Text label) {
        return new SettingField(key, type, label, null, false, null, List.of(), null, null, null, null, null, 0);
    }

    /** A one-line text setting. */
    public static SettingField text(String key, Text label) {
        return of(key, SettingType.TEXT, label);
    }

    /** A secret setting (password, API key, token). */
    public static SettingField secret(String key, Text label) {
        return of(key, SettingType.SECRET, label);
    }

    /** A number setting. */
    public static SettingField number(String key, Text label) {
        return of(key, SettingType.NUMBER, label);
    }

    /** A choice among the given values. */
    public static SettingField choice(String key, Text label, List<Choice> choices) {
        return new SettingField(key, SettingType.CHOICE, label, null, false, null, choices, null, null,
                null, null, null, 0);
    }

    /** A date setting. */
    public static SettingField date(String key, Text label) {
        return of(key, SettingType.DATE, label);
    }

    /** A URL setting. */
    public static SettingField url(String key, Text label) {
        return of(key, SettingType.URL, label);
    }

    /** A file setting. */
    public static SettingField file(String key, Text label) {
        return of(key, SettingType.FILE, label);
    }

    /** An OAuth 2 account setting (see {@link ConnectorSpec#oauth2()}). */
    public static SettingField oauth2Account(String key, Text label) {
        return of(key, SettingType.OAUTH2_ACCOUNT, label);
    }

    /** This setting, required. */
    public SettingField asRequired() {
        return new SettingField(key, type, label, help, true, defaultValue, choices, pattern, patternHint, min, max,
                group, order);
    }

    /** This setting with a help text. */
    public SettingField help(Text help) {
        return new SettingField(key, type, label, help, required, defaultValue, choices, pattern, patternHint, min,
                max, group, order);
    }

    /** This setting with a default value. */
    public SettingField defaultValue(String defaultValue) {
        return new SettingField(key, type, label, help, required, defaultValue, choices, pattern, patternHint, min,
                max, group, order);
    }

    /** This setting checked against a regular expression, with the hint shown when it does not match. */
    public SettingField pattern(String pattern, Text hint) {
        return new SettingField(key, type, label, help, required, defaultValue, choices, pattern, hint, min, max,
                group, order);
    }

    /** This number setting bounded (either bound may be {@code null}). */
    public SettingField range(BigDecimal min, BigDecimal max) {
        return new SettingField(key, type, label, help, required, defaultValue, choices, pattern, patternHint, min,
                max, group, order);
    }

    /** This setting shown in a group at a position. */
    public SettingField group(Text group, int order) {
        return new SettingField(key, type, label, help, required, defaultValue, choices, pattern, patternHint, min,
                max, group, order);
    }

    /** Whether the value is kept encrypted and read through {@link Secrets}. */
    public boolean secret() {
        return type == SettingType.SECRET || type == SettingType.OAUTH2_ACCOUNT;
    }

    /**
     * Checks one value typed by the user.
     *
     * @param value the value, {@code null} or blank when none was given
     * @return what is wrong, in words for the user, or empty when the value is acceptable
     */
    public Optional<Text> validate(String value) {
        if (value == null || value.isBlank()) {
            return required && type != SettingType.OAUTH2_ACCOUNT && type != SettingType.FILE
                    ? Optional.of(Text.of("Ce champ est obligatoire.", "This field is required."))
                    : Optional.empty();
        }
        switch (type) {
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(value.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return Optional.of(Text.of("Saisissez un nombre.", "Enter a number."));
                }
                if (min != null && number.compareTo(min) < 0) {
                    return Optional.of(Text.of("Au minimum " + min.toPlainString() + ".",
                            "At least " + min.toPlainString() + "."));
                }
                if (max != null && number.compareTo(max) > 0) {
                    return Optional.of(Text.of("Au maximum " + max.toPlainString() + ".",
                            "At most " + max.toPlainString() + "."));
                }
            }
            case CHOICE -> {
                if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                    return Optional.of(Text.of("Choisissez une valeur de la liste.", "Choose a value from the list."));
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.trim());
                } catch (DateTimeParseException e) {
                    return Optional.of(Text.of("Saisissez une date (AAAA-MM-JJ).", "Enter a date (YYYY-MM-DD)."));
                }
            }
            case URL -> {
                try {
                    URI uri = URI.create(value.trim());
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.of(Text.of("Saisissez une adresse complète, par exemple https://exemple.fr.",
                            "Enter a full address, for example https://example.com."));
                }
            }
            default -> {
            }
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(value.trim()).matches()) {
            return Optional.of(patternHint != null ? patternHint
                    : Text.of("Ce format n’est pas reconnu.", "This format is not recognised."));
        }
        return Optional.empty();
    }
}
