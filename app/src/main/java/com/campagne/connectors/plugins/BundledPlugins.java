package com.campagne.connectors.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * Installs the plugins that ship inside the app (class path {@code bundled-plugins/}, listed one file
 * name a line in {@code bundled-plugins/index.txt}, which the build writes) into the plugins
 * directory: when missing, or when the installed copy is older. A copy the admin updated to a newer
 * version is left alone, and so is the "disabled" mark.
 */
final class BundledPlugins {

    static final String FOLDER = "bundled-plugins/";
    static final String INDEX = FOLDER + "index.txt";
    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.jar");

    private final ClassLoader resources;
    private final Path dir;
    private final Path scratch;

    BundledPlugins(ClassLoader resources, Path dir, Path scratch) {
        this.resources = resources;
        this.dir = dir;
        this.scratch = scratch;
    }

    /** Installs what is missing or older; returns the ids of the bundled plugins. */
    Set<String> install() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        String index;
        try (InputStream in = resources.getResourceAsStream(INDEX)) {
            if (in == null) {
                log.info("No bundled plugins ({} not on the class path)", INDEX);
                return ids;
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(dir);
        for (String line : index.lines().map(String::trim).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String id = installOne(line);
                if (id != null) {
                    ids.add(id);
                }
            } catch (Exception | LinkageError e) {
                log.warn("Bundled plugin {} could not be installed", line, e);
            }
        }
        return ids;
    }

    private String installOne(String fileName) throws IOException {
        if (!FILE_NAME.matcher(fileName).matches()) {
            log.warn("Bundled plugin index names {}, not a plain jar file name: skipped", fileName);
            return null;
        }
        Files.createDirectories(scratch);
        Path copy = scratch.resolve(UUID.randomUUID() + ".part");
        try (InputStream in = resources.getResourceAsStream(FOLDER + fileName)) {
            if (in == null) {
                log.warn("Bundled plugin {} is listed in {} but missing", fileName, INDEX);
                return null;
            }
            Files.copy(in, copy);
        }
        try {
            String[] bundled = idAndVersion(copy);
            if (bundled == null) {
                log.warn("Bundled plugin {} has no Plugin-Id/Plugin-Version: skipped", fileName);
                return null;
            }
            Path installed = null;
            String installedVersion = null;
            for (Path file : jars()) {
                String[] other = idAndVersion(file);
                if (other != null && other[0].equals(bundled[0])) {
                    installed = file;
                    installedVersion = other[1];
                }
            }
            if (installed != null && PluginInspector.VERSIONS.compareVersions(bundled[1], installedVersion) <= 0) {
                return bundled[0]; // same, or the admin's newer version: keep it
            }
            Path target = dir.resolve(fileName);
            PluginRuntime.move(copy, target);
            if (installed != null && !installed.equals(target)) {
                Files.deleteIfExists(installed);
            }
            log.info("Bundled plugin {} {} installed{}", bundled[0], bundled[1],
                    installed == null ? "" : " over version " + installedVersion);
            return bundled[0];
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private Iterable<Path> jars() throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            jars.forEach(files::add);
        }
        return files;
    }

    /** {@code [id, version]} from a jar's manifest, or {@code null}. */
    private static String[] idAndVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            String id = manifest.getMainAttributes().getValue("Plugin-Id");
            String version = manifest.getMainAttributes().getValue("Plugin-Version");
            return id == null || version == null || id.isBlank() || version.isBlank() ? null
                    : new String[]{id.trim(), version.trim()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
