package com.campagne.connectors.plugins;

import com.campagne.base.i18n.I18n;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin runtime on the real app: the template plugin's jar (built by the plugins module, copied
 * by the build, not on the class path) and variants of it made by rewriting its manifest or entries.
 * Operations go through {@link PluginService} as the platform admin; each test leaves no plugin behind.
 */
@WithMockUser(roles = "PLATFORM_ADMIN")
class PluginRuntimeTest extends IntegrationTest {

    @Autowired
    private PluginService service;
    @Autowired
    private PluginRuntime runtime;
    @Autowired
    private ConnectorCatalog catalog;
    @Autowired
    private I18n i18n;

    @TempDir
    private Path files;

    /**
     * Leaves only the bundled plugins, which the other tests of the shared context rely on: each test
     * here starts and ends without the plugins it installs.
     */
    @BeforeEach
    @AfterEach
    void onlyTheBundledPlugins() {
        for (PluginInfo plugin : runtime.plugins()) {
            if (!plugin.bundled()) {
                runtime.remove(plugin.id());
            }
        }
        assertThat(runtime.plugins()).allMatch(PluginInfo::bundled);
        assertThat(catalog.find("template")).isEmpty();
    }

    @Test
    void theTemplatePluginLoadsAndItsConnectorIsInTheCatalogue() {
        PluginInfo installed = service.upload(TestPlugins.template(files), "template.jar");

        assertThat(installed.id()).isEqualTo("template");
        assertThat(installed.version()).isEqualTo("1.0.0");
        assertThat(installed.provider()).isEqualTo("Campagne");
        assertThat(installed.status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(installed.compatible()).isTrue();
        assertThat(installed.requires()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(installed.connectors()).extracting(s -> s.id()).containsExactly("template");
        ConnectorHandle handle = catalog.find("template").orElseThrow();
        assertThat(handle.pluginId()).isEqualTo("template");
        assertThat(handle.spec().name().fr()).isEqualTo("Modèle de connecteur");
        // The template's classes come from the plugin's own class loader, not the app's class path.
        assertThat(handle.connector().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("com.example.campagne.template.TemplateConnector"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(pluginFiles()).containsExactly("template-1.0.0.jar");
    }

    @Test
    void disablingWithdrawsTheConnectorsAndSurvivesARestart_enablingBringsThemBack() throws IOException {
        service.upload(TestPlugins.template(files), "template.jar");

        PluginInfo disabled = service.disable("template");
        assertThat(disabled.status()).isEqualTo(PluginInfo.Status.DISABLED);
        assertThat(disabled.connectors()).isEmpty();
        assertThat(catalog.find("template")).isEmpty();
        assertThat(Files.readAllLines(runtime.directory().resolve("disabled.txt"))).contains("template");

        // Another start over the same directory (as after a restart) keeps it disabled.
        ConnectorCatalog otherCatalog = new ConnectorCatalog();
        PluginRuntime restarted = new PluginRuntime(runtime.directory(), otherCatalog, emptyResources());
        restarted.start();
        try {
            assertThat(restarted.plugins()).filteredOn(p -> p.id().equals("template")).singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(PluginInfo.Status.DISABLED));
            assertThat(otherCatalog.find("template")).isEmpty();
        } finally {
            restarted.stop();
        }

        PluginInfo enabled = service.enable("template");
        assertThat(enabled.status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(catalog.find("template")).isPresent();
        assertThat(Files.readAllLines(runtime.directory().resolve("disabled.txt"))).doesNotContain("template");
    }

    @Test
    void anUpdateToAHigherVersionReplacesThePluginWithoutRestart() {
        service.upload(TestPlugins.template(files), "template.jar");
        ConnectorHandle before = catalog.find("template").orElseThrow();
        Path newer = TestPlugins.withManifest(files.resolve("template-1.1.0.jar"), Map.of("Plugin-Version", "1.1.0"));

        PluginInfo updated = service.update("template", newer, "template-1.1.0.jar");

        assertThat(updated.version()).isEqualTo("1.1.0");
        assertThat(updated.status()).isEqualTo(PluginInfo.Status.STARTED);
        ConnectorHandle after = catalog.find("template").orElseThrow();
        assertThat(after.connector()).isNotSameAs(before.connector());
        assertThat(after.connector().getClass().getClassLoader())
                .isNotSameAs(before.connector().getClass().getClassLoader());
        assertThat(pluginFiles()).containsExactly("template-1.1.0.jar");

        // The same version again is refused; so is a plain upload of it.
        assertRefused(() -> service.update("template", newer, "template-1.1.0.jar"), "plugins.refused.notNewer",
                "déjà installé en version 1.1.0", "already installed in version 1.1.0");
        // An update must be the same plugin.
        Path other = TestPlugins.withManifest(files.resolve("other-2.0.0.jar"),
                Map.of("Plugin-Id", "other", "Plugin-Version", "2.0.0"));
        assertRefused(() -> service.update("template", other, "other-2.0.0.jar"), "plugins.refused.otherPlugin",
                "contient le plugin other, pas template", "holds plugin other, not template");
        // An upload of a higher version of an installed plugin is an update.
        Path evenNewer = TestPlugins.withManifest(files.resolve("template-1.2.0.jar"), Map.of("Plugin-Version", "1.2.0"));
        assertThat(service.upload(evenNewer, "template-1.2.0.jar").version()).isEqualTo("1.2.0");
        assertThat(pluginFiles()).containsExactly("template-1.2.0.jar");
        assertThat(catalog.find("template")).isPresent();
    }

    @Test
    void refusedFilesChangeNothingAndSayWhy() {
        service.upload(TestPlugins.template(files), "template.jar");
        ConnectorHandle loaded = catalog.find("template").orElseThrow();

        assertRefused(() -> service.upload(TestPlugins.notAJar(files.resolve("notes.jar")), "notes.jar"),
                "plugins.refused.notJar", "n’est pas une archive .jar", "not a readable .jar");
        assertRefused(() -> service.upload(TestPlugins.withoutManifest(files.resolve("bare.jar")), "bare.jar"),
                "plugins.refused.noManifest", "manifeste", "manifest");
        assertRefused(() -> service.upload(TestPlugins.withManifest(files.resolve("future.jar"),
                        Map.of("Plugin-Id", "future", "Plugin-Requires", ">=2.0.0")), "future.jar"),
                "plugins.refused.requires", "demande l’API de connecteurs >=2.0.0", "requires connector API >=2.0.0");
        assertRefused(() -> service.upload(TestPlugins.template(files.resolve("again")), "template.jar"),
                "plugins.refused.notNewer", "déjà installé en version 1.0.0", "already installed in version 1.0.0");
        Map<String, String> noIndex = new HashMap<>();
        noIndex.put("META-INF/extensions.idx", null);
        assertRefused(() -> service.upload(TestPlugins.withEntries(files.resolve("empty.jar"),
                        Map.of("Plugin-Id", "empty"), noIndex), "empty.jar"),
                "plugins.refused.noConnector", "ne fournit aucun connecteur", "provides no connector");
        assertRefused(() -> service.upload(TestPlugins.withEntries(files.resolve("broken.jar"),
                        Map.of("Plugin-Id", "broken"),
                        Map.of("META-INF/extensions.idx", "com.example.campagne.missing.GhostConnector\n")), "broken.jar"),
                "plugins.problem.extensionMissing", "GhostConnector", "GhostConnector");
        // A second plugin providing a connector id already taken is refused too.
        assertRefused(() -> service.upload(TestPlugins.withManifest(files.resolve("copycat.jar"),
                        Map.of("Plugin-Id", "copycat")), "copycat.jar"),
                "plugins.refused.connectorTaken", "déjà fourni par le plugin template", "already provided by plugin template");

        assertThat(pluginFiles()).containsExactly("template-1.0.0.jar");
        assertThat(runtime.plugins()).filteredOn(p -> !p.bundled()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("template");
            assertThat(p.status()).isEqualTo(PluginInfo.Status.STARTED);
        });
        assertThat(catalog.find("template")).get().isSameAs(loaded);
        assertThat(leftovers()).as("staged or trial files left next to the plugins directory").isEmpty();
    }

    @Test
    void aBrokenPluginAtStartIsMarkedFailedAndTheOthersStart(@TempDir Path dir) {
        TestPlugins.template(dir);
        TestPlugins.withEntries(dir.resolve("broken-1.0.0.jar"), Map.of("Plugin-Id", "broken"),
                Map.of("META-INF/extensions.idx", "com.example.campagne.missing.GhostConnector\n"));
        TestPlugins.withManifest(dir.resolve("future-1.0.0.jar"), Map.of("Plugin-Id", "future", "Plugin-Requires", ">=2.0.0"));
        TestPlugins.notAJar(dir.resolve("garbage.jar"));
        ConnectorCatalog otherCatalog = new ConnectorCatalog();
        PluginRuntime started = new PluginRuntime(dir.resolve("."), otherCatalog, emptyResources());

        started.start();
        try {
            assertThat(started.isRunning()).isTrue();
            Map<String, PluginInfo> byId = new HashMap<>();
            started.plugins().forEach(p -> byId.put(p.id(), p));
            assertThat(byId).containsOnlyKeys("template", "broken", "future", "garbage.jar");
            assertThat(byId.get("template").status()).isEqualTo(PluginInfo.Status.STARTED);
            assertThat(otherCatalog.find("template")).isPresent();
            assertThat(byId.get("broken").status()).isEqualTo(PluginInfo.Status.FAILED);
            assertThat(byId.get("broken").lastError().key()).isEqualTo("plugins.problem.extensionMissing");
            assertThat(text(byId.get("broken").lastError(), I18n.FRENCH)).contains("GhostConnector", "introuvable");
            assertThat(byId.get("future").status()).isEqualTo(PluginInfo.Status.FAILED);
            assertThat(byId.get("future").compatible()).isFalse();
            assertThat(text(byId.get("future").lastError(), I18n.ENGLISH)).contains(">=2.0.0", "1.0.0");
            assertThat(byId.get("garbage.jar").status()).isEqualTo(PluginInfo.Status.FAILED);
            assertThat(byId.get("garbage.jar").lastError().key()).isEqualTo("plugins.problem.unreadable");
            assertThat(otherCatalog.all()).extracting(ConnectorHandle::pluginId).containsOnly("template");
        } finally {
            started.stop();
        }
        assertThat(otherCatalog.all()).isEmpty();
    }

    @Test
    void bundledPluginsAreInstalledWhenMissingOrOlderButNeverDowngraded(@TempDir Path resources, @TempDir Path dir)
            throws IOException {
        Files.createDirectories(resources.resolve("bundled-plugins"));
        Files.copy(TestPlugins.TEMPLATE, resources.resolve("bundled-plugins/template-1.0.0.jar"));
        Files.writeString(resources.resolve("bundled-plugins/index.txt"), "# bundled\ntemplate-1.0.0.jar\nmissing.jar\n");
        Path plugins = dir.resolve("plugins");
        Path scratch = dir.resolve("plugins.incoming");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{resources.toUri().toURL()}, null)) {
            // Missing: installed.
            assertThat(new BundledPlugins(loader, plugins, scratch).install()).containsExactly("template");
            assertThat(names(plugins)).containsExactly("template-1.0.0.jar");

            // The admin updated it to 1.5.0: the bundled 1.0.0 does not replace it.
            Files.delete(plugins.resolve("template-1.0.0.jar"));
            TestPlugins.withManifest(plugins.resolve("template-1.5.0.jar"), Map.of("Plugin-Version", "1.5.0"));
            new BundledPlugins(loader, plugins, scratch).install();
            assertThat(names(plugins)).containsExactly("template-1.5.0.jar");

            // An older copy (0.9.0) is replaced by the bundled 1.0.0.
            Files.delete(plugins.resolve("template-1.5.0.jar"));
            TestPlugins.withManifest(plugins.resolve("template-0.9.0.jar"), Map.of("Plugin-Version", "0.9.0"));
            new BundledPlugins(loader, plugins, scratch).install();
            assertThat(names(plugins)).containsExactly("template-1.0.0.jar");

            // And the runtime starts it, marked as bundled.
            ConnectorCatalog otherCatalog = new ConnectorCatalog();
            PluginRuntime started = new PluginRuntime(plugins, otherCatalog, loader);
            started.start();
            try {
                assertThat(started.plugins()).singleElement().satisfies(p -> {
                    assertThat(p.bundled()).isTrue();
                    assertThat(p.status()).isEqualTo(PluginInfo.Status.STARTED);
                });
                assertThat(otherCatalog.find("template")).isPresent();
            } finally {
                started.stop();
            }
        }
    }

    @Test
    @WithMockUser(roles = "OWNER")
    void onlyThePlatformAdminManagesPlugins() {
        assertThatThrownBy(() -> service.plugins()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.upload(TestPlugins.template(files), "template.jar"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(pluginFiles()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void assertRefused(Runnable operation, String key, String french, String english) {
        assertThatThrownBy(operation::run).isInstanceOfSatisfying(PluginRefusedException.class, e -> {
            assertThat(e.reason().key()).isEqualTo(key);
            assertThat(text(e.reason(), I18n.FRENCH)).contains(french).doesNotContain("plugins.");
            assertThat(text(e.reason(), I18n.ENGLISH)).contains(english).doesNotContain("plugins.");
        });
    }

    private String text(PluginMessage message, java.util.Locale locale) {
        return message.in(locale, i18n::getTranslation);
    }

    private List<String> pluginFiles() {
        // The bundled plugins of the shared context stay; only the files these tests add count.
        return names(runtime.directory()).stream().filter(n -> n.endsWith(".jar"))
                .filter(n -> !n.startsWith("campagne-plugin-")).toList();
    }

    private List<String> leftovers() {
        return names(runtime.directory().resolveSibling(runtime.directory().getFileName() + ".incoming"));
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ClassLoader emptyResources() {
        return new URLClassLoader(new URL[0], null);
    }
}
