package com.campagne.plans.documents.ui;

import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.UploadTexts;
import com.campagne.plans.CampaignException;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.plans.documents.PlanImportException;
import com.campagne.plans.documents.PlanImportService;
import com.campagne.plans.documents.PlanImportService.Mode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Imports a draft version's lines from an Excel file: replace or append, then either a notification with the
 * number of lines or the list of every problem (row, column, what to do), the version left untouched.
 */
public class PlanImportDialog extends Dialog {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final UnorderedList problems = new UnorderedList();
    private final Paragraph refused = new Paragraph();
    private final Upload upload;

    /** @param onImported called (in the UI) after a successful import, to show the new lines */
    public PlanImportDialog(PlanImportService imports, UUID planId, Runnable onImported) {
        setId("plan-import");
        setHeaderTitle(getTranslation("documents.import.title"));
        setWidth("min(44rem, 95vw)");
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.FRENCH : ui.getLocale();

        RadioButtonGroup<Mode> mode = new RadioButtonGroup<>(getTranslation("documents.import.mode"));
        mode.setId("plan-import-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation(m == Mode.REPLACE ? "documents.import.mode.REPLACE"
                : "documents.import.mode.APPEND"));
        mode.setValue(Mode.REPLACE);

        refused.setId("plan-import-refused");
        refused.getStyle().set("color", "var(--lumo-error-text-color)");
        refused.setVisible(false);
        problems.setId("plan-import-errors");
        problems.setVisible(false);

        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            // The import runs in the upload request, where the user's security context is; the UI follows.
            Mode chosen = mode.getValue() == null ? Mode.REPLACE : mode.getValue();
            try {
                int count = imports.importLines(planId, new ByteArrayInputStream(bytes), chosen);
                ui.access(() -> {
                    Notifications.success(count == 1 ? getTranslation("documents.import.success.one")
                            : getTranslation("documents.import.success", count));
                    close();
                    onImported.run();
                });
            } catch (PlanImportException e) {
                List<String> texts = e.problems().stream().map(p -> imports.describe(p, locale)).toList();
                ui.access(() -> showProblems(texts));
            } catch (CampaignException e) {
                List<String> texts = e.errors().values().stream().distinct().map(this::getTranslation).toList();
                ui.access(() -> showProblems(texts));
            } catch (PlanNotFoundException e) {
                ui.access(() -> showProblems(List.of(getTranslation("documents.import.notFound"))));
            }
        }));
        upload.setId("plan-import-upload");
        upload.setAcceptedFileTypes(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this, "documents.import.upload.add", "documents.import.upload.drop",
                "documents.import.upload.invalid", "documents.import.upload.invalid"));

        add(new Paragraph(getTranslation("documents.import.help")), mode, upload, refused, problems);
        Button close = new Button(getTranslation("documents.import.close"), e -> close());
        close.setId("plan-import-close");
        getFooter().add(close);
    }

    private void showProblems(List<String> texts) {
        upload.clearFileList(); // the corrected file can be chosen at once (one file at a time)
        refused.setText(getTranslation("documents.import.refused"));
        refused.setVisible(true);
        problems.removeAll();
        texts.forEach(text -> problems.add(new ListItem(text)));
        problems.setVisible(true);
    }
}
