package com.campagne.connectors.plugins.ui;

import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.UploadTexts;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.plugins.PluginInfo;
import com.campagne.connectors.plugins.PluginMessage;
import com.campagne.connectors.plugins.PluginRefusedException;
import com.campagne.connectors.plugins.PluginService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The installation operator's plugins: what is installed, in which state and with which connectors;
 * add, update, disable, enable and remove, all without restarting. Refusals are shown next to the
 * upload they answer, in words.
 */
@Route(value = "platform/plugins", layout = MainLayout.class)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PluginsView extends VerticalLayout implements HasDynamicTitle {

    /** Plugin files can be large (shaded libraries). */
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private final PluginService plugins;
    private final Grid<PluginInfo> grid = new Grid<>(PluginInfo.class, false);
    private final Div empty = new Div();
    private final Div uploadError = new Div();

    public PluginsView(PluginService plugins) {
        this.plugins = plugins;
        setWidthFull();
        setMaxWidth("80rem");

        H2 title = new H2(getTranslation("plugins.title"));
        title.getStyle().set("margin-bottom", "0");
        Paragraph intro = new Paragraph(getTranslation("plugins.intro", plugins.hostApiVersion()));
        intro.getStyle().set("margin-top", "0.25rem").set("color", "var(--lumo-secondary-text-color, #555)");

        H3 addTitle = new H3(getTranslation("plugins.upload.title"));
        addTitle.getStyle().set("margin", "0");
        Paragraph help = new Paragraph(getTranslation("plugins.upload.help"));
        help.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s, 0.875rem)");
        Upload upload = pluginUpload("plugin-upload", uploadError, plugins::upload,
                installed -> Notifications.success(getTranslation("plugins.upload.installed", installed.id(),
                        installed.version())));
        errorStyle(uploadError, "plugin-upload-error");
        VerticalLayout add = new VerticalLayout(addTitle, help, upload, uploadError);
        add.setId("plugin-add");
        add.setPadding(true);
        add.setSpacing(false);
        add.getStyle().set("gap", "0.5rem").set("border", "1px solid var(--lumo-contrast-10pct, #ddd)")
                .set("border-radius", "12px").set("max-width", "44rem");

        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::pluginCell).setHeader(getTranslation("plugins.column.plugin")).setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(p -> p.version() == null ? "" : p.version()).setHeader(getTranslation("plugins.column.version"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.provider() == null ? "" : p.provider()).setHeader(getTranslation("plugins.column.provider"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::stateCell).setHeader(getTranslation("plugins.column.state")).setWidth("8rem")
                .setFlexGrow(1);
        grid.addComponentColumn(this::apiCell).setHeader(getTranslation("plugins.column.api")).setWidth("9.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::connectorsCell).setHeader(getTranslation("plugins.column.connectors"))
                .setWidth("8rem").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("plugins.column.actions")).setWidth("11rem")
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);

        empty.setId("plugins-empty");
        empty.setWidthFull();
        empty.add(new EmptyState(VaadinIcon.PLUG, getTranslation("plugins.empty.title"),
                getTranslation("plugins.empty.text"), null));

        add(title, intro, add, grid, empty);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plugins.title");
    }

    private void refresh() {
        List<PluginInfo> all = plugins.plugins();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    // ------------------------------------------------------------------ cells

    private VerticalLayout pluginCell(PluginInfo p) {
        Span id = new Span(p.id());
        id.getStyle().set("font-weight", "600");
        VerticalLayout cell = new VerticalLayout(id);
        cell.setPadding(false);
        cell.setSpacing(false);
        // The connectors describe themselves in French and English; the manifest has one language only.
        String text = p.connectors().size() == 1 ? p.connectors().getFirst().description().in(getLocale())
                : p.description();
        if (text != null) {
            Span description = new Span(text);
            description.getStyle().set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                    .set("color", "var(--lumo-secondary-text-color, #555)");
            cell.add(description);
        }
        if (p.bundled()) {
            Span bundled = new Span(getTranslation("plugins.bundled"));
            bundled.getStyle().set("font-size", "var(--lumo-font-size-xs, 0.75rem)")
                    .set("color", "var(--lumo-primary-text-color, #1a5fb4)");
            cell.add(bundled);
        }
        return cell;
    }

    private VerticalLayout stateCell(PluginInfo p) {
        String label = switch (p.status()) {
            case STARTED -> getTranslation("plugins.state.started");
            case DISABLED -> getTranslation("plugins.state.disabled");
            case FAILED -> getTranslation("plugins.state.failed");
        };
        String color = switch (p.status()) {
            case STARTED -> "var(--lumo-success-text-color, #0a7a3e)";
            case DISABLED -> "var(--lumo-secondary-text-color, #555)";
            case FAILED -> "var(--lumo-error-text-color, #c62828)";
        };
        Span state = new Span(label);
        state.setId("plugin-" + p.id() + "-state");
        state.getStyle().set("font-weight", "600").set("color", color);
        VerticalLayout cell = new VerticalLayout(state);
        cell.setPadding(false);
        cell.setSpacing(false);
        if (p.lastError() != null) {
            Span error = new Span(p.status() == PluginInfo.Status.FAILED ? message(p.lastError())
                    : getTranslation("plugins.lastError", message(p.lastError())));
            error.setId("plugin-" + p.id() + "-error");
            error.getStyle().set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                    .set("color", "var(--lumo-error-text-color, #c62828)");
            cell.add(error);
        }
        return cell;
    }

    private VerticalLayout apiCell(PluginInfo p) {
        VerticalLayout cell = new VerticalLayout();
        cell.setPadding(false);
        cell.setSpacing(false);
        if (p.requires() == null) {
            return cell;
        }
        Span range = new Span(p.requires());
        range.getStyle().set("white-space", "nowrap").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s, 0.875rem)");
        Span verdict = new Span(p.compatible()
                ? getTranslation("plugins.api.compatible", plugins.hostApiVersion())
                : getTranslation("plugins.api.incompatible", plugins.hostApiVersion()));
        verdict.setId("plugin-" + p.id() + "-api");
        verdict.getStyle().set("font-size", "var(--lumo-font-size-s, 0.875rem)").set("color", p.compatible()
                ? "var(--lumo-success-text-color, #0a7a3e)" : "var(--lumo-error-text-color, #c62828)");
        cell.add(range, verdict);
        return cell;
    }

    private Span connectorsCell(PluginInfo p) {
        if (p.connectors().isEmpty()) {
            Span none = new Span(getTranslation("plugins.connectors.none"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
            return none;
        }
        Span names = new Span(p.connectors().stream().map(ConnectorSpec::name).map(t -> t.in(getLocale()))
                .collect(Collectors.joining(", ")));
        names.setId("plugin-" + p.id() + "-connectors");
        return names;
    }

    private VerticalLayout actions(PluginInfo p) {
        // Stacked: three actions side by side would push the grid wider than the screen.
        VerticalLayout actions = new VerticalLayout();
        actions.setPadding(false);
        actions.setSpacing(false);
        actions.setAlignItems(FlexComponent.Alignment.START);
        if (p.version() != null) {
            Button toggle = switch (p.status()) {
                case STARTED -> action("plugins.action.disable", "plugins.action.disable.label", p,
                        () -> {
                            plugins.disable(p.id());
                            Notifications.success(getTranslation("plugins.disabled.done", p.id()));
                        });
                case DISABLED -> action("plugins.action.enable", "plugins.action.enable.label", p, () -> enable(p));
                case FAILED -> action("plugins.action.retry", "plugins.action.enable.label", p, () -> enable(p));
            };
            toggle.setId("plugin-" + p.id() + "-toggle");
            Button update = new Button(getTranslation("plugins.action.update"), e -> openUpdate(p));
            update.setId("plugin-" + p.id() + "-update");
            update.setAriaLabel(getTranslation("plugins.action.update.label", p.id()));
            update.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            actions.add(toggle, update);
        }
        Button remove = new Button(getTranslation("plugins.action.remove"), e -> confirmRemove(p));
        remove.setId("plugin-" + p.id() + "-remove");
        remove.setAriaLabel(getTranslation("plugins.action.remove.label", p.id()));
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR, ButtonVariant.SMALL);
        actions.add(remove);
        return actions;
    }

    private Button action(String textKey, String labelKey, PluginInfo p, Runnable operation) {
        Button button = new Button(getTranslation(textKey), e -> run(operation));
        button.setAriaLabel(getTranslation(labelKey, p.id()));
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    private void enable(PluginInfo p) {
        PluginInfo enabled = plugins.enable(p.id());
        if (enabled.status() == PluginInfo.Status.STARTED) {
            Notifications.success(getTranslation("plugins.enabled.done", p.id()));
        } else if (enabled.lastError() != null) {
            Notifications.error(getTranslation("plugins.enabled.failed", p.id(), message(enabled.lastError())));
        }
    }

    private void run(Runnable operation) {
        try {
            operation.run();
        } catch (PluginRefusedException e) {
            Notifications.error(message(e.reason()));
        }
        refresh();
    }

    // ------------------------------------------------------------------ dialogs

    private void openUpdate(PluginInfo p) {
        Dialog dialog = new Dialog(getTranslation("plugins.update.title", p.id()));
        dialog.setId("plugin-update-dialog");
        dialog.setWidth("36rem");
        Div error = new Div();
        errorStyle(error, "plugin-update-error");
        Upload file = pluginUpload("plugin-update-upload", error, (path, name) -> plugins.update(p.id(), path, name),
                updated -> {
                    Notifications.success(getTranslation("plugins.upload.updated", updated.id(), updated.version()));
                    dialog.close();
                });
        Paragraph help = new Paragraph(getTranslation("plugins.update.help", p.version()));
        dialog.add(new VerticalLayout(help, file, error));
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("plugin-update-cancel");
        dialog.getFooter().add(cancel);
        dialog.open();
    }

    private void confirmRemove(PluginInfo p) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("plugin-remove-dialog");
        confirm.setHeader(getTranslation("plugins.remove.title", p.id()));
        confirm.setText(getTranslation("plugins.remove.text") + (p.bundled()
                ? " " + getTranslation("plugins.remove.bundledText") : ""));
        Button yes = new Button(getTranslation("plugins.action.remove"), e -> {
            confirm.close();
            run(() -> {
                plugins.remove(p.id());
                Notifications.success(getTranslation("plugins.removed.done", p.id()));
            });
        });
        yes.setId("plugin-remove-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    // ------------------------------------------------------------------ upload

    /** The service operation on an uploaded file. */
    @FunctionalInterface
    private interface FileOperation {
        PluginInfo apply(Path file, String originalName);
    }

    /**
     * An upload of one plugin file. The operation runs in the upload request (the file exists only
     * until it returns; the admin's security context is there); its outcome is then shown in the UI:
     * {@code onDone}, or the refusal in the error area next to the upload.
     */
    private Upload pluginUpload(String id, Div error, FileOperation operation, Consumer<PluginInfo> onDone) {
        UI ui = UI.getCurrent();
        Upload component = new Upload();
        component.setId(id);
        component.setUploadHandler(UploadHandler.toTempFile((meta, file) -> {
            PluginInfo done = null;
            PluginMessage refusal = null;
            try {
                done = operation.apply(file.toPath(), meta.fileName());
            } catch (PluginRefusedException e) {
                refusal = e.reason();
            } finally {
                deleteQuietly(file);
            }
            PluginInfo result = done;
            PluginMessage reason = refusal;
            ui.access(() -> {
                component.clearFileList();
                if (reason != null) {
                    showError(error, getTranslation("plugins.upload.refused", message(reason)));
                } else {
                    showError(error, null);
                    onDone.accept(result);
                }
                refresh();
            });
        }));
        component.setAcceptedFileTypes(".jar", ".zip", "application/java-archive", "application/zip");
        component.setMaxFiles(1);
        component.setMaxFileSize(MAX_BYTES);
        // The file as the request body: not subject to the servlet's 2 MB multipart limit (logos).
        component.setUploadFormat(UploadFormat.RAW);
        component.setDropAllowed(true);
        component.setI18n(UploadTexts.of(this, "plugins.upload.button", "plugins.upload.drop", "upload.failed",
                "plugins.upload.invalidType"));
        component.addFileRejectedListener(e -> showError(error, getTranslation("plugins.upload.invalidType")));
        return component;
    }

    private void showError(Div error, String text) {
        error.setText(text == null ? "" : text);
        error.setVisible(text != null);
    }

    private static void errorStyle(Div error, String id) {
        error.setId(id);
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color, #c62828)").set("font-weight", "500");
        error.setVisible(false);
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (java.io.IOException ignored) {
            // a temporary file: the system cleans it up eventually
        }
    }

    private String message(PluginMessage message) {
        return message.in(getLocale(), (key, locale, args) -> getTranslation(locale, key, args));
    }
}
