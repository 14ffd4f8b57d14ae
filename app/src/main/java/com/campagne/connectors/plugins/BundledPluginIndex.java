package com.campagne.connectors.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step (app/pom.xml, exec-maven-plugin at process-classes): writes {@code index.txt} listing the
 * plugin jars copied into {@code target/classes/bundled-plugins}, so that bundling one more plugin
 * only takes one more artifact to copy. The app cannot list a folder of its own fat jar, hence the
 * index.
 */
public final class BundledPluginIndex {

    private BundledPluginIndex() {
    }

    /** {@code args[0]}: the bundled-plugins folder (created when missing). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            jars.forEach(jar -> names.add(jar.getFileName().toString()));
        }
        names.sort(null);
        List<String> lines = new ArrayList<>();
        lines.add("# Plugin jars shipped with the app, installed into the plugins directory at start (written by the build).");
        lines.addAll(names);
        Files.write(folder.resolve("index.txt"), lines);
    }
}
