package com.campagne.connectors.plugins;

import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.PluginsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation operator adds a connector plugin, sees it started with its connector, disables and
 * enables it, then removes it, all without a restart; a file that is not a plugin is refused with a
 * reason shown next to the upload.
 */
class PluginAdminJourneyTest extends BrowserTest {

    @Autowired
    private PluginRuntime runtime;
    @Autowired
    private ConnectorCatalog catalog;

    @TempDir
    private Path files;

    @AfterEach
    void noPlugins() {
        runtime.plugins().stream().filter(p -> !p.bundled()).forEach(p -> runtime.remove(p.id()));
    }

    @Test
    void theOperatorAddsDisablesEnablesAndRemovesAPlugin() throws IOException {
        // Real plugins shade their libraries: this one weighs 3 MB, above the 2 MB limit of form uploads.
        Path acme = TestPlugins.withEntries(files.resolve("acme-template-1.0.0.jar"),
                Map.of("Plugin-Id", "acme-template", "Plugin-Provider", "ACME"),
                Map.of("acme/padding.txt", TestPlugins.incompressible(3 * 1024 * 1024)));
        assertThat(Files.size(acme)).isGreaterThan(2L * 1024 * 1024);
        LoginPage.open(page).submit("operator@campagne.test", "operator-password-for-tests");
        page.waitForURL("**/platform");
        PluginsPage plugins = PluginsPage.fromNavigation(page);
        // The bundled plugins are listed; the empty state is for an installation without any.
        assertThat(plugins.showsEmptyState()).isFalse();
        assertThat(plugins.visibleText()).contains("Ajouter un plugin", "API de connecteurs 1.0.0", "csv-import");
        screenshot(page, "PluginAdminJourneyTest-bundled");

        plugins.upload(TestPlugins.notAJar(files.resolve("notes.jar")));
        assertThat(plugins.waitForUploadRefusal("archive")).startsWith("Plugin refusé")
                .contains("n’est pas une archive .jar lisible");
        assertThat(added()).isEmpty();

        plugins.upload(TestPlugins.withEntries(files.resolve("broken.jar"), Map.of("Plugin-Id", "broken"),
                Map.of("META-INF/extensions.idx", "com.example.campagne.missing.GhostConnector\n")));
        assertThat(plugins.waitForUploadRefusal("GhostConnector")).startsWith("Plugin refusé")
                .contains("com.example.campagne.missing.GhostConnector", "introuvable");
        screenshot(page, "PluginAdminJourneyTest-refused");
        assertThat(added()).isEmpty();

        plugins.upload(acme).waitForState("acme-template", "Démarré");
        assertThat(plugins.uploadError()).isEmpty();
        assertThat(plugins.connectors("acme-template")).isEqualTo("Modèle de connecteur");
        assertThat(plugins.visibleText()).contains("ACME", ">=1.0.0 & <2.0.0", "compatible avec 1.0.0");
        assertThat(catalog.find("template")).get().extracting(h -> h.pluginId()).isEqualTo("acme-template");
        assertThat(plugins.toggleLabel("acme-template")).isEqualTo("Désactiver le plugin acme-template");
        screenshot(page, "PluginAdminJourneyTest-started");

        plugins.toggle("acme-template").waitForState("acme-template", "Désactivé");
        assertThat(plugins.toggleText("acme-template")).isEqualTo("Activer");
        assertThat(plugins.visibleText()).contains("aucun tant que le plugin est arrêté");
        assertThat(catalog.find("template")).isEmpty();
        screenshot(page, "PluginAdminJourneyTest-disabled");

        plugins.toggle("acme-template").waitForState("acme-template", "Démarré");
        assertThat(plugins.connectors("acme-template")).isEqualTo("Modèle de connecteur");
        assertThat(catalog.find("template")).isPresent();

        Path newer = TestPlugins.withManifest(files.resolve("acme-template-1.1.0.jar"),
                Map.of("Plugin-Id", "acme-template", "Plugin-Provider", "ACME", "Plugin-Version", "1.1.0"));
        plugins.update("acme-template", newer, "1.1.0").waitForState("acme-template", "Démarré");
        assertThat(added()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo("1.1.0"));
        assertThat(catalog.find("template")).isPresent();

        String confirmation = plugins.remove("acme-template");
        assertThat(confirmation).contains("Retirer le plugin acme-template", "Le fichier est supprimé du serveur");
        assertThat(added()).isEmpty();
        assertThat(catalog.find("template")).isEmpty();
    }

    /** The plugins this test installed (the bundled ones stay). */
    private List<PluginInfo> added() {
        return runtime.plugins().stream().filter(p -> !p.bundled()).toList();
    }
}
