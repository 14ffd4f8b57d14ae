package com.campagne.clients.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.RouteIds;
import com.campagne.base.ui.Images;
import com.campagne.base.ui.LogoUpload;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.RegexpValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.util.Optional;

/** One client: its card, editable by OWNER, ADMIN and MANAGER; {@code clients/new} creates one. */
@Route(value = "clients", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
public class ClientEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final ClientService clients;
    private final boolean canEdit;
    private final Binder<Client> binder = new Binder<>(Client.class);
    private final H2 title = new H2();
    private final Div logoPreview = new Div();
    private final Span logoLabel = new Span();
    private final Button archive = new Button();
    private final VerticalLayout connections = new VerticalLayout();
    private Client client;
    private byte[] pendingLogo;
    private String pendingLogoType;

    public ClientEditorView(ClientService clients) {
        this.clients = clients;
        this.canEdit = CurrentUser.tenant().map(t -> t.role().canEditClients()).orElse(false);
        setMaxWidth("56rem");

        TextField name = new TextField(getTranslation("client.name"));
        name.setId("client-name");
        name.setRequiredIndicatorVisible(canEdit);
        TextField website = new TextField(getTranslation("client.website"));
        website.setId("client-website");
        website.setPlaceholder(getTranslation("client.website.placeholder"));
        TextField sector = new TextField(getTranslation("client.sector"));
        sector.setId("client-sector");
        EmailField contactEmail = new EmailField(getTranslation("client.contactEmail"));
        contactEmail.setId("client-contact-email");
        TextArea notes = new TextArea(getTranslation("client.notes"));
        notes.setId("client-notes");
        notes.setMaxLength(5000);

        binder.forField(name).asRequired(getTranslation("client.name.required"))
                .withValidator(new StringLengthValidator(getTranslation("client.name.size"), 1, 200))
                .bind(Client::getName, Client::setName);
        binder.forField(website).withNullRepresentation("")
                .withValidator(new RegexpValidator(getTranslation("client.website.invalid"),
                        "^$|^https?://[^\\s/$.?#][^\\s]*$"))
                .withValidator(new StringLengthValidator(getTranslation("client.website.size"), 0, 500))
                .bind(Client::getWebsite, Client::setWebsite);
        binder.forField(sector).withNullRepresentation("")
                .withValidator(new StringLengthValidator(getTranslation("client.sector.size"), 0, 120))
                .bind(Client::getSector, Client::setSector);
        binder.forField(contactEmail).withNullRepresentation("")
                .withValidator(new EmailValidator(getTranslation("client.contactEmail.invalid"), true))
                .bind(Client::getContactEmail, Client::setContactEmail);
        binder.forField(notes).withNullRepresentation("")
                .bind(Client::getNotes, Client::setNotes);

        UI ui = UI.getCurrent();
        LogoUpload logo = new LogoUpload((bytes, type) -> {
            pendingLogo = bytes;
            pendingLogoType = type;
            showLogo(bytes, type);
        });
        logo.setId("client-logo");
        logo.setVisible(canEdit);
        logoLabel.setText(getTranslation("client.logo"));
        logoLabel.setVisible(canEdit);

        FormLayout form = new FormLayout(name, sector, website, contactEmail);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        notes.setWidthFull();

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("client-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button back = new Button(getTranslation("action.back"), e -> ui.navigate(ClientsView.class));
        back.setId("client-back");
        archive.setId("client-archive");
        archive.addThemeVariants(ButtonVariant.TERTIARY);
        archive.addClickListener(e -> toggleArchive());
        save.setVisible(canEdit);
        HorizontalLayout actions = new HorizontalLayout(save, back, archive);
        binder.setReadOnly(!canEdit);

        add(title, form, notes, logoLabel, logoPreview, logo, actions, connections);
        connections.setVisible(false);
        connections.setPadding(false);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if ("new".equals(parameter)) {
            if (!canEdit) {
                throw new NotFoundException();
            }
            client = new Client(null);
            title.setText(getTranslation("client.new"));
            archive.setVisible(false);
        } else {
            Optional<Client> found = RouteIds.uuid(parameter).flatMap(clients::find);
            if (found.isEmpty()) {
                event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
                return;
            }
            client = found.get();
            title.setText(client.getName());
            archive.setText(getTranslation(client.isArchived() ? "client.restore" : "client.archive"));
            archive.setVisible(canEdit);
            showConnectionsLink();
            if (client.getLogo() != null) {
                logoLabel.setVisible(true);
                showLogo(client.getLogo(), client.getLogoType());
            }
        }
        binder.readBean(client);
    }

    /** Campaigns for everyone who sees the client; connections for staff only (a client viewer sees none). */
    private void showConnectionsLink() {
        boolean staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        connections.removeAll();
        H3 campaignsHeading = new H3(getTranslation("campaigns.section"));
        Span campaignsText = new Span(getTranslation("campaigns.section.text"));
        Button openCampaigns = new Button(getTranslation("campaigns.open"), VaadinIcon.BULLSEYE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId() + "/campaigns")));
        openCampaigns.setId("client-campaigns");
        Button openObjectives = new Button(getTranslation("objectives.open"), VaadinIcon.CHART.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId() + "/objectives")));
        openObjectives.setId("client-objectives");
        Button openDashboard = new Button(getTranslation("dashboard.open"), VaadinIcon.DASHBOARD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId() + "/dashboard")));
        openDashboard.setId("client-dashboard");
        Button openReports = new Button(getTranslation("reports.open"), VaadinIcon.FILE_TEXT_O.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId() + "/reports")));
        openReports.setId("client-reports");
        connections.add(campaignsHeading, campaignsText,
                new HorizontalLayout(openDashboard, openCampaigns, openObjectives, openReports));
        connections.setVisible(true);
        if (!staff) {
            return;
        }
        H3 heading = new H3(getTranslation("connections.section"));
        Span text = new Span(getTranslation("connections.section.text"));
        Button open = new Button(getTranslation("connections.open"), VaadinIcon.CONNECT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId() + "/connections")));
        open.setId("client-connections");
        connections.add(heading, text, open);
        connections.setVisible(true);
    }

    private void save() {
        try {
            binder.writeBean(client);
            if (pendingLogo != null) {
                client.setLogo(pendingLogo, pendingLogoType);
            }
            clients.save(client);
            Notifications.success(getTranslation("client.saved", client.getName()));
            getUI().ifPresent(ui -> ui.navigate(ClientsView.class));
        } catch (ValidationException e) {
            Notifications.error(getTranslation("form.fixErrors"));
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    private void toggleArchive() {
        if (client.isArchived()) {
            clients.restore(client.getId());
            Notifications.success(getTranslation("client.restored", client.getName()));
        } else {
            clients.archive(client.getId());
            Notifications.success(getTranslation("client.archived", client.getName()));
        }
        getUI().ifPresent(ui -> ui.navigate(ClientsView.class));
    }

    private void showLogo(byte[] bytes, String type) {
        logoPreview.removeAll();
        logoPreview.add(Images.inline(bytes, type, getTranslation("client.logo")));
    }

    @Override
    public String getPageTitle() {
        return client == null || client.getName() == null ? getTranslation("client.new") : client.getName();
    }
}
