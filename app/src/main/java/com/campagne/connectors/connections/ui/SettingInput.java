package com.campagne.connectors.connections.ui;

import com.campagne.base.ui.UploadTexts;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * One input of the generated connection form, chosen by the setting's type; its element id is
 * {@code setting-<key>}. Reads and shows a value as the string the connector declares.
 */
abstract class SettingInput {

    protected final SettingField field;
    protected final Locale locale;

    SettingInput(SettingField field, Locale locale) {
        this.field = field;
        this.locale = locale;
    }

    SettingField field() {
        return field;
    }

    abstract Component component();

    /** The typed value, or {@code null}. */
    abstract String value();

    abstract void setValue(String value);

    abstract void showError(String message);

    abstract void clearError();

    void setReadOnly(boolean readOnly) {
        if (component() instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
            hv.setReadOnly(readOnly);
        }
    }

    static String id(SettingField field) {
        return "setting-" + field.key().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The input for a setting; {@code storedSecret} and {@code storedFile} describe what is already saved. */
    static SettingInput of(SettingField field, Locale locale, boolean storedSecret, String storedFile) {
        return switch (field.type()) {
            case TEXT, NUMBER, URL -> new TextInput(field, locale);
            case SECRET -> new SecretInput(field, locale, storedSecret);
            case CHOICE -> new ChoiceInput(field, locale);
            case DATE -> new DateInput(field, locale);
            case FILE -> new FileInput(field, locale, storedFile);
            case OAUTH2_ACCOUNT -> new OAuthInput(field, locale);
        };
    }

    /** A field of a Vaadin input with its label, required mark and help text set from the declaration. */
    abstract static class FieldInput<C extends Component & HasValidation> extends SettingInput {
        protected final C input;

        FieldInput(SettingField field, Locale locale, C input) {
            super(field, locale);
            this.input = input;
            input.setId(id(field));
            if (input instanceof com.vaadin.flow.component.HasLabel labelled) {
                labelled.setLabel(field.label().in(locale));
            }
            if (input instanceof com.vaadin.flow.component.HasHelper helped && field.help() != null) {
                helped.setHelperText(field.help().in(locale));
            }
            if (input instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setRequiredIndicatorVisible(field.required());
            }
        }

        @Override
        Component component() {
            return input;
        }

        @Override
        void showError(String message) {
            input.setErrorMessage(message);
            input.setInvalid(true);
        }

        @Override
        void clearError() {
            input.setInvalid(false);
        }
    }

    static final class TextInput extends FieldInput<TextField> {
        TextInput(SettingField field, Locale locale) {
            super(field, locale, new TextField());
            input.setWidthFull();
            input.setManualValidation(true);
            if (field.type() == com.campagne.connectors.api.SettingType.NUMBER) {
                input.setAllowedCharPattern("[0-9.,-]");
            } else if (field.type() == com.campagne.connectors.api.SettingType.URL) {
                input.setPlaceholder(input.getTranslation("connections.url.placeholder"));
            }
            setValue(field.defaultValue());
        }

        @Override
        String value() {
            return input.getValue();
        }

        @Override
        void setValue(String value) {
            input.setValue(value == null ? "" : value);
        }
    }

    static final class SecretInput extends FieldInput<PasswordField> {
        SecretInput(SettingField field, Locale locale, boolean stored) {
            super(field, locale, new PasswordField());
            input.setWidthFull();
            input.setManualValidation(true);
            input.setRevealButtonVisible(true);
            if (stored) {
                // Never shown again once saved: say it is there, and that blank keeps it.
                input.setPlaceholder(input.getTranslation("connections.secret.stored"));
                input.setHelperText(input.getTranslation("connections.secret.keep"));
                input.setRequiredIndicatorVisible(false);
            }
        }

        @Override
        String value() {
            return input.getValue();
        }

        @Override
        void setValue(String value) {
            input.setValue(value == null ? "" : value);
        }
    }

    static final class ChoiceInput extends FieldInput<Select<String>> {
        ChoiceInput(SettingField field, Locale locale) {
            super(field, locale, new Select<>());
            input.setItems(field.choices().stream().map(Choice::value).toList());
            input.setItemLabelGenerator(v -> v == null ? "" : field.choices().stream().filter(c -> c.value().equals(v)).findFirst()
                    .map(c -> c.label().in(locale)).orElse(v));
            input.setWidthFull();
            if (!field.required()) {
                input.setEmptySelectionAllowed(true);
            }
            setValue(field.defaultValue());
        }

        @Override
        String value() {
            return input.getValue();
        }

        @Override
        void setValue(String value) {
            input.setValue(value);
        }
    }

    static final class DateInput extends FieldInput<DatePicker> {
        DateInput(SettingField field, Locale locale) {
            super(field, locale, new DatePicker());
            input.setLocale(locale);
            input.setManualValidation(true);
            setValue(field.defaultValue());
        }

        @Override
        String value() {
            return input.getValue() == null ? null : input.getValue().toString();
        }

        @Override
        void setValue(String value) {
            try {
                input.setValue(value == null || value.isBlank() ? null : LocalDate.parse(value.trim()));
            } catch (java.time.format.DateTimeParseException e) {
                input.setValue(null);
            }
        }
    }

    /** A file kept in memory until the form is saved (at most 50 MB), with its name and size shown. */
    static final class FileInput extends SettingInput {
        private final VerticalLayout box = new VerticalLayout();
        private final Span chosen = new Span();
        private final Span error = new Span();
        private ConnectionDraft.UploadedFile file;

        FileInput(SettingField field, Locale locale, String storedFile) {
            super(field, locale);
            box.setPadding(false);
            box.setSpacing(false);
            box.setId(id(field));
            NativeLabel label = new NativeLabel(field.label().in(locale) + (field.required() ? " •" : ""));
            label.addClassName("setting-label");
            labelStyle(label);
            UI ui = UI.getCurrent();
            Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> ui.access(() -> {
                file = new ConnectionDraft.UploadedFile(meta.fileName(), bytes);
                chosen.setText(box.getTranslation("connections.file.chosen", meta.fileName(),
                        size(bytes.length, box)));
                clearError();
            })));
            upload.setId(id(field) + "-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(ConnectionService.MAX_FILE_BYTES);
            upload.setI18n(UploadTexts.of(box, "connections.file.add", "connections.file.drop",
                    "connections.file.tooBig", "upload.failed"));
            chosen.setId(id(field) + "-file");
            chosen.getStyle().set("font-size", "var(--lumo-font-size-s)");
            chosen.setText(storedFile != null ? storedFile : box.getTranslation("connections.file.none"));
            error.addClassName("setting-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
            error.setVisible(false);
            box.add(label, upload, chosen, error);
            if (field.help() != null) {
                Span help = new Span(field.help().in(locale));
                help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
                box.add(help);
            }
        }

        ConnectionDraft.UploadedFile file() {
            return file;
        }

        @Override
        Component component() {
            return box;
        }

        @Override
        String value() {
            return null;
        }

        @Override
        void setValue(String value) {
        }

        @Override
        void showError(String message) {
            error.setText(message);
            error.setVisible(true);
        }

        @Override
        void clearError() {
            error.setVisible(false);
        }

        @Override
        void setReadOnly(boolean readOnly) {
            box.getChildren().filter(c -> c instanceof Upload).forEach(c -> c.setVisible(!readOnly));
        }
    }

    /**
     * An account authorised through the host's OAuth 2 flow: a "sign in with <provider>" button (or, when
     * the operator has not registered Campagne with the provider, what must be set instead) and the state
     * of the authorisation. Tokens obtained for a form not saved yet stay here, on the server, and go into
     * the draft's secrets; they are never sent to the browser.
     */
    static final class OAuthInput extends SettingInput {
        private final Div box = new Div();
        private final Span status = new Span();
        private Button connect;
        private String providerName;
        private Map<String, String> tokens = Map.of();

        OAuthInput(SettingField field, Locale locale) {
            super(field, locale);
            box.setId(id(field));
            NativeLabel label = new NativeLabel(field.label().in(locale) + (field.required() ? " •" : ""));
            label.addClassName("setting-label");
            labelStyle(label);
            status.setId(id(field) + "-status");
            status.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("margin-top", "var(--lumo-space-xs)");
            box.add(label);
        }

        /** Shows the button, which runs {@code onClick}, named after the provider. */
        void offer(String providerName, boolean stored, Runnable onClick) {
            this.providerName = providerName;
            connect = new Button(box.getTranslation(stored ? "oauth2.reconnect" : "oauth2.connect", providerName),
                    VaadinIcon.SIGN_IN.create(), e -> onClick.run());
            connect.setId(id(field) + "-connect");
            connect.addThemeVariants(ButtonVariant.PRIMARY);
            box.add(connect, status);
            if (field.help() != null) {
                Span help = new Span(field.help().in(locale));
                help.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                        .set("font-size", "var(--lumo-font-size-s)");
                box.add(help);
            }
        }

        /** In place of the button: the operator must register Campagne with the provider first. */
        void notConfigured(String message) {
            Span why = new Span(message);
            why.setId(id(field) + "-not-configured");
            why.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            box.add(why);
        }

        /** The account is authorised: tokens to save with a new connection (empty when already stored). */
        void authorised(Map<String, String> newTokens, String text) {
            tokens = Map.copyOf(newTokens);
            if (connect != null) {
                // Authorised: the button now only changes the account, no longer the next step.
                connect.setText(box.getTranslation("oauth2.reconnect", providerName));
                connect.removeThemeVariants(ButtonVariant.PRIMARY);
            }
            status.setText(text);
            status.getStyle().set("color", "var(--lumo-success-text-color)").set("font-weight", "500");
            status.getElement().setAttribute("data-authorised", "true");
        }

        @Override
        void showError(String message) {
            status.setText(message);
            status.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "500");
            status.getElement().setAttribute("data-authorised", "false");
        }

        /** The secrets to put in the draft: the access token and its companions, or nothing. */
        Map<String, String> tokens() {
            return tokens;
        }

        @Override
        Component component() {
            return box;
        }

        @Override
        String value() {
            return null;
        }

        @Override
        void setValue(String value) {
        }

        @Override
        void clearError() {
            if ("false".equals(status.getElement().getAttribute("data-authorised"))) {
                status.setText("");
                status.getElement().removeAttribute("data-authorised");
            }
        }

        @Override
        void setReadOnly(boolean readOnly) {
            if (connect != null) {
                connect.setEnabled(!readOnly);
            }
        }
    }

    /** Looks like the labels of Vaadin's own fields. */
    private static void labelStyle(NativeLabel label) {
        label.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500").set("color", "var(--lumo-secondary-text-color)")
                .set("margin-top", "var(--lumo-space-s)");
    }

    /** A byte count as the user reads it: "12 Ko", "3,4 Mo". */
    static String size(long bytes, Component translator) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(UI.getCurrent() == null ? Locale.FRENCH : UI.getCurrent().getLocale());
        format.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            return translator.getTranslation("connections.size.kb", format.format(Math.max(1, Math.round(bytes / 1024.0))));
        }
        return translator.getTranslation("connections.size.mb", format.format(bytes / (1024.0 * 1024.0)));
    }
}
