package com.campagne.plans.documents.ui;

import com.campagne.base.ui.MainLayout;
import com.campagne.plans.documents.PlanDocumentService;
import com.campagne.plans.documents.PlanImportService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.UUID;

/**
 * Test-only host of the plan documents components until the plan editor places them: the menu, and a button
 * opening the import dialog; after an import the number of imports done is shown.
 */
@Route(value = "test/plan-documents", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
public class PlanDocumentsTestView extends VerticalLayout implements HasUrlParameter<String> {

    private final PlanDocumentService documents;
    private final PlanImportService imports;
    private int imported;

    public PlanDocumentsTestView(PlanDocumentService documents, PlanImportService imports) {
        this.documents = documents;
        this.imports = imports;
    }

    @Override
    public void setParameter(BeforeEvent event, String planId) {
        removeAll();
        UUID id = UUID.fromString(planId);
        Span done = new Span("0");
        done.setId("test-imports-done");
        Button open = new Button(getTranslation("documents.import.open"),
                e -> new PlanImportDialog(imports, id, () -> done.setText(String.valueOf(++imported))).open());
        open.setId("plan-import-open");
        add(new PlanDocumentsMenu(documents, id), open, done);
    }
}
