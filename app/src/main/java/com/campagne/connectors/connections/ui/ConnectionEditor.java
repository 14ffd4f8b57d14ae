package com.campagne.connectors.connections.ui;

import com.campagne.base.ui.Formats;
import com.campagne.base.ui.Notifications;
import com.campagne.connectors.oauth.OAuth2Flows;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.CheckOutcome;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionAccount;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectorUnavailableException;
import com.campagne.connectors.connections.ConnectionExceptions.InvalidSettingsException;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The connection form generated from a connector's settings declaration: one input per setting,
 * grouped and ordered as declared, every error shown under its field at once; then "test the
 * connection", the accounts to follow, how often to update, save. Serves new and stored connections.
 */
class ConnectionEditor extends VerticalLayout {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ConnectionService service;
    private final OAuth2Flows flows;
    private final ConnectorHandle handle;
    private final UUID clientId;
    private final Connection existing;
    private final Runnable afterSave;
    private final Locale locale;

    private final TextField name = new TextField();
    private final Map<String, SettingInput> inputs = new LinkedHashMap<>();
    private final Div checkResult = new Div();
    private final CheckboxGroup<AccountRecord> accounts = new CheckboxGroup<>();
    private final Paragraph accountsHint = new Paragraph();
    private final Select<Schedule> schedule = new Select<>();

    /**
     * @param handle   the connector
     * @param existing the stored connection, or {@code null} for a new one
     */
    ConnectionEditor(ConnectionService service, OAuth2Flows flows, ConnectorHandle handle, UUID clientId,
                     ConnectionService.ConnectionOverview existing, Runnable afterSave) {
        this.service = service;
        this.flows = flows;
        this.handle = handle;
        this.clientId = clientId;
        this.existing = existing == null ? null : existing.connection();
        this.afterSave = afterSave;
        this.locale = getLocale();
        setPadding(false);
        setMaxWidth("48rem");
        ConnectorSpec spec = handle.spec();

        Set<String> storedSecrets = this.existing == null ? Set.of()
                : new LinkedHashSet<>(service.storedSecretKeys(this.existing.getId()));
        Map<String, String> storedFiles = new HashMap<>();
        if (this.existing != null) {
            service.files(this.existing.getId()).forEach(f -> storedFiles.put(f.settingKey(),
                    getTranslation("connections.file.stored", f.name(), SettingInput.size(f.size(), this))));
        }

        if (spec.documentation() != null) {
            Anchor help = new Anchor(spec.documentation().toString(), getTranslation("connections.form.documentation"));
            help.setTarget(AnchorTarget.BLANK);
            help.setId("connection-documentation");
            add(help);
        }

        name.setLabel(getTranslation("connections.form.name"));
        name.setHelperText(getTranslation("connections.form.name.help"));
        name.setId("connection-name");
        name.setRequiredIndicatorVisible(true);
        name.setManualValidation(true);
        name.setMaxLength(200);
        name.setWidthFull();
        name.setValue(this.existing != null ? this.existing.getName() : spec.name().in(locale));
        add(name);

        // Groups in the order they first appear, inputs by their declared order within each.
        Map<String, List<SettingField>> groups = new LinkedHashMap<>();
        Map<String, Text> groupTitles = new HashMap<>();
        for (SettingField field : spec.settings()) {
            String key = field.group() == null ? "" : field.group().fr();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(field);
            groupTitles.putIfAbsent(key, field.group());
        }
        int g = 0;
        for (Map.Entry<String, List<SettingField>> group : groups.entrySet()) {
            Text title = groupTitles.get(group.getKey());
            H3 heading = new H3(title == null ? getTranslation("connections.form.settings") : title.in(locale));
            heading.addClassName("connection-group");
            heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin-bottom", "0");
            heading.setId("setting-group-" + g++);
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            group.getValue().stream().sorted(Comparator.comparingInt(SettingField::order)).forEach(field -> {
                SettingInput input = SettingInput.of(field, locale, storedSecrets.contains(field.key()),
                        storedFiles.get(field.key()));
                if (this.existing != null && !field.secret() && field.type() != SettingType.FILE) {
                    input.setValue(this.existing.getSettings().get(field.key()));
                }
                if (input instanceof SettingInput.OAuthInput oauth) {
                    offerOAuth(oauth, storedSecrets.contains(field.key()));
                }
                inputs.put(field.key(), input);
                form.add(input.component());
            });
            add(heading, form);
        }
        Paragraph required = new Paragraph(getTranslation("connections.form.required"));
        required.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(required);

        Button test = new Button(getTranslation("connections.test"), VaadinIcon.PLUG.create(), e -> test());
        test.setId("connection-test");
        checkResult.setId("connection-check-result");
        checkResult.getStyle().set("font-weight", "500");
        if (this.existing != null && this.existing.getLastCheckMessage() != null) {
            checkResult.setText(getTranslation("connections.lastCheck", this.existing.getLastCheckMessage()));
        }
        HorizontalLayout testRow = new HorizontalLayout(test, checkResult);
        testRow.setAlignItems(FlexComponent.Alignment.CENTER);
        add(testRow);

        H3 accountsTitle = new H3(getTranslation("connections.accounts.title"));
        accounts.setId("connection-accounts");
        accounts.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        accounts.setItemLabelGenerator(a -> getTranslation("connections.accounts.item",
                a.name() == null || a.name().isBlank() ? a.accountId() : a.name(), a.accountId(),
                a.currency() == null ? getTranslation("connections.accounts.noCurrency") : a.currency(),
                a.timeZone() == null ? "" : a.timeZone().getId()));
        accountsHint.setId("connection-accounts-hint");
        Button refresh = new Button(getTranslation("connections.accounts.refresh"), VaadinIcon.SEARCH.create(),
                e -> discover());
        refresh.setId("connection-discover");
        refresh.addThemeVariants(ButtonVariant.TERTIARY);
        if (existing != null && !existing.accounts().isEmpty()) {
            List<AccountRecord> stored = existing.accounts().stream().map(ConnectionEditor::record).toList();
            accounts.setItems(stored);
            accounts.setValue(new LinkedHashSet<>(stored));
            accountsHint.setText(getTranslation("connections.accounts.text"));
        } else {
            accounts.setVisible(false);
            accountsHint.setText(getTranslation("connections.accounts.afterTest"));
        }
        add(accountsTitle, accountsHint, accounts, refresh);

        H3 scheduleTitle = new H3(getTranslation("connections.schedule.title"));
        schedule.setId("connection-schedule");
        schedule.setLabel(getTranslation("connections.schedule.label"));
        schedule.setItems(Schedule.values());
        schedule.setItemLabelGenerator(s -> getTranslation(ConnectionTexts.schedule(s)));
        schedule.setValue(this.existing != null ? this.existing.getSchedule()
                : spec.category() == com.campagne.connectors.api.Category.FILE ? Schedule.MANUAL : Schedule.DAILY);
        add(scheduleTitle, schedule);

        Button save = new Button(getTranslation("connections.save"), e -> save());
        save.setId("connection-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new HorizontalLayout(save));
    }

    /** The form as typed. */
    ConnectionDraft draft() {
        Map<String, String> values = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        Map<String, ConnectionDraft.UploadedFile> files = new HashMap<>();
        inputs.forEach((key, input) -> {
            SettingField field = input.field();
            if (input instanceof SettingInput.OAuthInput oauth) {
                secrets.putAll(oauth.tokens());
            } else if (input instanceof SettingInput.FileInput file) {
                if (file.file() != null) {
                    files.put(key, file.file());
                }
            } else if (field.secret()) {
                if (input.value() != null) {
                    secrets.put(key, input.value());
                }
            } else if (input.value() != null) {
                values.put(key, input.value());
            }
        });
        return new ConnectionDraft(handle.id(), name.getValue(), values, secrets, files);
    }

    /** The sign-in button of an OAuth 2 account, or what the operator must set first. */
    private void offerOAuth(SettingInput.OAuthInput input, boolean stored) {
        ConnectorSpec spec = handle.spec();
        Optional<Text> notConfigured = flows.notConfigured(spec);
        if (notConfigured.isPresent()) {
            input.notConfigured(notConfigured.get().in(locale));
            return;
        }
        input.offer(spec.name().in(locale), stored, () -> signIn(input));
        if (existing != null && existing.isReauthorizationNeeded()) {
            input.showError(getTranslation("oauth2.reauthorize", spec.name().in(locale)));
        } else if (stored) {
            input.authorised(Map.of(), authorisedText(existing.getCredentialsExpireAt()));
        }
    }

    private String authorisedText(Instant expiresAt) {
        return expiresAt == null ? getTranslation("oauth2.authorised.noExpiry")
                : getTranslation("oauth2.authorised", Formats.date(expiresAt, PARIS, locale));
    }

    /** Keeps the form in the session and sends the browser to the provider. */
    private void signIn(SettingInput.OAuthInput input) {
        String base = "http://localhost:8080";
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpServletRequest http = request.getHttpServletRequest();
            boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                    || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
            base = http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                    + http.getContextPath();
        }
        URI target;
        try {
            target = flows.begin(httpSession(), new OAuth2Flows.Start(handle.id(), clientId, existingId(),
                    input.field().key(), draft()), base);
        } catch (OAuth2Flows.NotConfiguredException e) {
            input.showError(e.userMessage().in(locale));
            return;
        } catch (ConnectorUnavailableException e) {
            input.showError(getTranslation("connections.test.unavailable"));
            return;
        }
        getUI().ifPresent(ui -> ui.getPage().setLocation(target.toString()));
    }

    static HttpSession httpSession() {
        return ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
    }

    /** Back from the provider: the form as it was typed, and the account authorised or why not. */
    void restore(OAuth2Flows.Outcome outcome) {
        ConnectionDraft draft = outcome.draft();
        if (draft != null) {
            if (draft.name() != null) {
                name.setValue(draft.name());
            }
            inputs.forEach((key, input) -> {
                SettingField field = input.field();
                if (input instanceof SettingInput.SecretInput && draft.secrets().containsKey(key)) {
                    input.setValue(draft.secrets().get(key));
                } else if (!field.secret() && field.type() != SettingType.FILE && draft.values().containsKey(key)) {
                    input.setValue(draft.values().get(key));
                }
            });
        }
        if (inputs.get(outcome.settingKey()) instanceof SettingInput.OAuthInput oauth) {
            if (outcome.authorised()) {
                oauth.authorised(outcome.tokens(), authorisedText(outcome.authorizationExpiresAt()));
            } else {
                oauth.showError(outcome.error().in(locale));
            }
            oauth.component().getElement().callJsFunction("scrollIntoView");
        }
    }

    private UUID existingId() {
        return existing == null ? null : existing.getId();
    }

    private void clearErrors() {
        name.setInvalid(false);
        inputs.values().forEach(SettingInput::clearError);
    }

    private void showErrors(Map<String, Text> errors) {
        errors.forEach((key, message) -> {
            if (ConnectionService.NAME_KEY.equals(key)) {
                name.setErrorMessage(message.in(locale));
                name.setInvalid(true);
            } else if (inputs.containsKey(key)) {
                inputs.get(key).showError(message.in(locale));
            }
        });
    }

    private void result(boolean ok, String text) {
        checkResult.setText(text);
        checkResult.getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        checkResult.getElement().setAttribute("data-ok", String.valueOf(ok));
    }

    private void test() {
        clearErrors();
        CheckOutcome outcome;
        try {
            outcome = service.check(existingId(), draft(), locale);
        } catch (InvalidSettingsException e) {
            showErrors(e.errors());
            result(false, getTranslation("connections.test.fixFields"));
            return;
        } catch (ConnectorUnavailableException e) {
            result(false, getTranslation("connections.test.unavailable"));
            return;
        }
        if (!outcome.ok()) {
            if (outcome.settingKey() != null) {
                showErrors(Map.of(outcome.settingKey(), outcome.message()));
            }
            result(false, getTranslation("connections.test.failed", outcome.message().in(locale)));
            return;
        }
        result(true, getTranslation("connections.test.ok", outcome.message().in(locale)));
        discover();
    }

    private void discover() {
        clearErrors();
        Set<String> chosen = accounts.getValue().stream().map(AccountRecord::accountId).collect(Collectors.toSet());
        List<AccountRecord> found;
        try {
            found = service.discover(existingId(), draft(), locale);
        } catch (InvalidSettingsException e) {
            showErrors(e.errors());
            result(false, getTranslation("connections.test.fixFields"));
            return;
        } catch (ConnectorUnavailableException e) {
            result(false, getTranslation("connections.test.unavailable"));
            return;
        } catch (ConnectorException e) {
            if (e.settingKey() != null) {
                showErrors(Map.of(e.settingKey(), e.userMessage()));
            }
            result(false, getTranslation("connections.test.failed", e.userMessage().in(locale)));
            return;
        }
        accounts.setItems(found);
        accounts.setVisible(!found.isEmpty());
        accounts.setValue(found.stream().filter(a -> chosen.contains(a.accountId())
                || (chosen.isEmpty() && found.size() == 1)).collect(Collectors.toCollection(LinkedHashSet::new)));
        accountsHint.setText(getTranslation(found.isEmpty() ? "connections.accounts.empty" : "connections.accounts.text"));
    }

    private void save() {
        clearErrors();
        List<AccountRecord> chosen = List.copyOf(accounts.getValue());
        try {
            if (existing == null) {
                service.create(clientId, draft(), chosen, schedule.getValue());
            } else {
                service.update(existing.getId(), draft());
                service.saveAccounts(existing.getId(), chosen);
                service.setSchedule(existing.getId(), schedule.getValue());
            }
        } catch (InvalidSettingsException e) {
            showErrors(e.errors());
            Notifications.error(getTranslation("form.fixErrors"));
            return;
        } catch (ConnectorUnavailableException e) {
            Notifications.error(getTranslation("connections.unavailable"));
            return;
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
            return;
        }
        Notifications.success(getTranslation("connections.saved", name.getValue().trim()));
        afterSave.run();
    }

    private static AccountRecord record(ConnectionAccount account) {
        ZoneId zone;
        try {
            zone = account.getTimeZone() == null ? null : ZoneId.of(account.getTimeZone());
        } catch (java.time.DateTimeException e) {
            zone = null;
        }
        return new AccountRecord(account.getAccountId(), account.getName(), account.getCurrency(), zone);
    }
}
