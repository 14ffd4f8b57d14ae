package com.campagne.plans.documents.ui;

import com.campagne.base.documents.FileDownload;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.DownloadButton;
import com.campagne.plans.documents.PlanDocumentService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

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

    private Anchor link(String id, String textKey, VaadinIcon icon, Supplier<FileDownload> file) {
        Anchor anchor = DownloadButton.saving(getTranslation(textKey), icon, file);
        anchor.setId(id);
        return anchor;
    }
}
