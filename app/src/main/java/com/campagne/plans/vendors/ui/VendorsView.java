package com.campagne.plans.vendors.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.plans.vendors.VendorService;
import com.campagne.plans.vendors.VendorService.VendorRow;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** {@code vendors}: the tenant's régies and supports, with how many contacts and rates each has. */
@Route(value = "vendors", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
public class VendorsView extends VerticalLayout implements HasDynamicTitle {

    private final VendorService vendors;
    private final Grid<VendorRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Checkbox showArchived = new Checkbox();
    private final Paragraph none = new Paragraph();
    private final EmptyState empty;

    public VendorsView(VendorService vendors) {
        this.vendors = vendors;
        boolean canEdit = CurrentUser.tenant().map(t -> t.role().canEditClients()).orElse(false);
        setSizeFull();

        H2 title = new H2(getTranslation("vendors.title"));
        title.getStyle().set("margin", "0");
        search.setPlaceholder(getTranslation("vendors.search"));
        search.setId("vendors-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMinWidth("16rem");
        search.addValueChangeListener(e -> refresh());
        showArchived.setLabel(getTranslation("vendors.showArchived"));
        showArchived.setId("vendors-archived");
        showArchived.addValueChangeListener(e -> refresh());
        Button add = addButton();
        add.setId("vendors-add");
        add.setVisible(canEdit);
        HorizontalLayout toolbar = new HorizontalLayout(title, search, showArchived, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, search);
        toolbar.getStyle().set("flex-wrap", "wrap");

        grid.setId("vendors-grid");
        grid.addColumn(r -> r.vendor().getName()).setHeader(getTranslation("vendors.column.name")).setFlexGrow(3);
        grid.addColumn(r -> getTranslation(VendorTexts.kindKey(r.vendor().getKind())))
                .setHeader(getTranslation("vendors.column.kind")).setFlexGrow(2);
        grid.addColumn(VendorRow::contacts).setHeader(getTranslation("vendors.column.contacts"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        grid.addColumn(VendorRow::rates).setHeader(getTranslation("vendors.column.rates"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(VendorTexts.editorPath(e.getItem().vendor().getId()))));

        none.setText(getTranslation("vendors.none"));
        none.setId("vendors-none");
        Button first = addButton();
        empty = new EmptyState(VaadinIcon.SHOP, getTranslation("vendors.empty.title"),
                getTranslation(canEdit ? "vendors.empty.text" : "vendors.empty.readOnly"), canEdit ? first : null);
        empty.setId("vendors-empty");
        add(toolbar, empty, none, grid);
        refresh();
    }

    private Button addButton() {
        Button add = new Button(getTranslation("vendors.add"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(VendorTexts.editorPath("new"))));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        return add;
    }

    private void refresh() {
        List<VendorRow> rows = vendors.list(search.getValue(), showArchived.getValue());
        boolean anyAtAll = !rows.isEmpty() || vendors.any();
        grid.setItems(rows);
        empty.setVisible(!anyAtAll);
        none.setVisible(anyAtAll && rows.isEmpty());
        grid.setVisible(!rows.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("vendors.title");
    }
}
