package com.campagne.plans.documents.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.plans.documents.PlanDocumentService;
import com.campagne.plans.documents.PlanDocumentService.Download;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The plan's documents, for the plan editor: Excel export ({@code plan-<campagne>-v<n>.xlsx}), client PDF and,
 * for the agency's staff, the blank import template. Each file is built when clicked, so it shows the version
 * as it is at that moment.
 */
public class PlanDocumentsMenu extends HorizontalLayout {

    public PlanDocumentsMenu(PlanDocumentService documents, UUID planId) {
        Locale locale = UI.getCurrent() == null ? Locale.FRENCH : UI.getCurrent().getLocale();
        setSpacing(false);
        setPadding(false);
        add(link("plan-export-xlsx", "documents.menu.xlsx", VaadinIcon.TABLE, () -> documents.xlsx(planId, locale)));
        add(link("plan-export-pdf", "documents.menu.pdf", VaadinIcon.FILE_TEXT_O, () -> documents.pdf(planId, locale)));
        if (!CurrentUser.hasRole(Role.CLIENT_VIEWER)) {
            add(link("plan-import-template", "documents.menu.template", VaadinIcon.DOWNLOAD_ALT,
                    () -> documents.template(locale)));
        }
    }

    private Anchor link(String id, String textKey, VaadinIcon icon, Supplier<Download> file) {
        Anchor anchor = new Anchor();
        anchor.setHref(DownloadHandler.fromInputStream(event -> {
            try {
                Download download = file.get();
                return new DownloadResponse(new ByteArrayInputStream(download.bytes()), download.fileName(),
                        download.contentType(), download.bytes().length);
            } catch (RuntimeException e) {
                // The version vanished or is no longer visible: the browser gets a 404, never a stack trace.
                return DownloadResponse.error(404, e);
            }
        }), AttachmentType.DOWNLOAD);
        anchor.setId(id);
        Button button = new Button(getTranslation(textKey), icon.create());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setTabIndex(-1); // the anchor takes the focus and the click
        anchor.add(button);
        return anchor;
    }
}
