package com.campagne.connectors.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugin files for tests, made from the template plugin's jar (copied by the build into
 * {@code target/test-plugins/template.jar}, never on the class path) by rewriting its manifest or
 * its entries.
 */
final class TestPlugins {

    static final Path TEMPLATE = Path.of("target", "test-plugins", "template.jar");

    private TestPlugins() {
    }

    static Path template(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.copy(TEMPLATE, dir.resolve("template.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with manifest attributes changed ({@code null} removes one). */
    static Path withManifest(Path target, Map<String, String> changes) {
        return rewrite(target, changes, Map.of(), false);
    }

    /** The template with entries replaced ({@code null} removes one). */
    static Path withEntries(Path target, Map<String, String> manifest, Map<String, String> entries) {
        return rewrite(target, manifest, entries, false);
    }

    /** The template's entries without any manifest. */
    static Path withoutManifest(Path target) {
        return rewrite(target, Map.of(), Map.of(), true);
    }

    /** Text that does not compress, to make a plugin file of a given size. */
    static String incompressible(int length) {
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    static Path notAJar(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.writeString(target, "this is not a plugin, just text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path rewrite(Path target, Map<String, String> manifestChanges, Map<String, String> entries,
                                boolean dropManifest) {
        try (JarFile source = new JarFile(TEMPLATE.toFile())) {
            Files.createDirectories(target.getParent());
            Manifest manifest = new Manifest(source.getManifest());
            Attributes main = manifest.getMainAttributes();
            manifestChanges.forEach((name, value) -> {
                if (value == null) {
                    main.remove(new Attributes.Name(name));
                } else {
                    main.putValue(name, value);
                }
            });
            try (OutputStream out = Files.newOutputStream(target);
                 ZipOutputStream jar = dropManifest ? new ZipOutputStream(out) : new JarOutputStream(out, manifest)) {
                Enumeration<JarEntry> all = source.entries();
                while (all.hasMoreElements()) {
                    JarEntry entry = all.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME) || entries.containsKey(entry.getName())) {
                        continue;
                    }
                    jar.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
                for (Map.Entry<String, String> added : entries.entrySet()) {
                    if (added.getValue() != null) {
                        jar.putNextEntry(new ZipEntry(added.getKey()));
                        jar.write(added.getValue().getBytes(StandardCharsets.UTF_8));
                        jar.closeEntry();
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
