package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.nio.file.Path;

/** {@code /platform/plugins}: the operator's connector plugins (upload, states, actions). */
public class PluginsPage extends Shell {

    public PluginsPage(Page page) {
        super(page);
    }

    /** Follows the side navigation's "Plugins" entry. */
    public static PluginsPage fromNavigation(Page page) {
        page.locator("vaadin-side-nav-item[path='platform/plugins']").click();
        page.waitForURL("**/platform/plugins");
        PluginsPage plugins = new PluginsPage(page);
        plugins.waitForVaadin();
        return plugins;
    }

    /** Whether the "no plugin yet" guide is shown. */
    public boolean showsEmptyState() {
        return byId("plugins-empty").isVisible();
    }

    /** Chooses a file in "Ajouter un plugin"; the upload starts at once. */
    public PluginsPage upload(Path file) {
        page.locator("#plugin-upload input[type=file]").setInputFiles(file);
        waitForVaadin();
        return this;
    }

    /** Waits for a refusal shown next to the upload that says {@code fragment}, and returns it whole. */
    public String waitForUploadRefusal(String fragment) {
        Locator error = byId("plugin-upload-error").filter(new Locator.FilterOptions().setHasText(fragment));
        error.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return error.innerText().trim();
    }

    /** The refusal shown next to the upload, empty when none. */
    public String uploadError() {
        Locator error = byId("plugin-upload-error");
        return error.isVisible() ? error.innerText().trim() : "";
    }

    /** Waits until the plugin's row shows that state ("Démarré", "Désactivé", "En échec"). */
    public PluginsPage waitForState(String pluginId, String state) {
        page.locator("#plugin-" + pluginId + "-state").filter(new Locator.FilterOptions().setHasText(state))
                .waitFor();
        return this;
    }

    public String state(String pluginId) {
        return byId("plugin-" + pluginId + "-state").innerText().trim();
    }

    /** The connectors of the plugin's row, as shown. */
    public String connectors(String pluginId) {
        return byId("plugin-" + pluginId + "-connectors").innerText().trim();
    }

    /** The row's toggle button's text ("Désactiver", "Activer", "Réessayer"). */
    public String toggleText(String pluginId) {
        return byId("plugin-" + pluginId + "-toggle").innerText().trim();
    }

    public String toggleLabel(String pluginId) {
        return byId("plugin-" + pluginId + "-toggle").getAttribute("aria-label");
    }

    public PluginsPage toggle(String pluginId) {
        click("plugin-" + pluginId + "-toggle");
        return this;
    }

    /** "Mettre à jour" on the plugin's row, then the file in the dialog; waits for the row to show the new version. */
    public PluginsPage update(String pluginId, Path file, String newVersion) {
        click("plugin-" + pluginId + "-update");
        page.locator("#plugin-update-upload input[type=file]").setInputFiles(file);
        page.locator("#plugins-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(newVersion)).first().waitFor();
        waitForVaadin();
        return this;
    }

    /** Opens "Retirer", reads the confirmation and confirms it; returns the dialog's text. */
    public String remove(String pluginId) {
        click("plugin-" + pluginId + "-remove");
        Locator confirm = byId("plugin-remove-confirm");
        confirm.waitFor();
        // The dialog exposes its title and text as its accessible name and description.
        Locator dialog = byId("plugin-remove-dialog");
        String text = dialog.getAttribute("aria-label") + "\n" + dialog.getAttribute("aria-description");
        confirm.click();
        waitForVaadin();
        byId("plugin-" + pluginId + "-state").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.HIDDEN));
        return text;
    }
}
