package com.campagne.tenancy.ui;

import com.campagne.base.i18n.I18n;
import com.campagne.base.ui.Images;
import com.campagne.base.ui.LogoUpload;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The organisation: name, logo (used on client reports), language, currency, time zone. */
@Route(value = "settings/organization", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
public class TenantSettingsView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> CURRENCIES = List.of("EUR", "CHF", "GBP", "USD", "CAD", "MAD", "XOF");

    private byte[] logo;
    private String logoType;

    public TenantSettingsView(TenantSettingsService settings) {
        setMaxWidth("48rem");
        Tenant tenant = settings.current();
        TextField name = new TextField(getTranslation("settings.name"));
        name.setId("settings-name");
        name.setValue(tenant.getName());
        name.setMaxLength(200);
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("settings.language"));
        language.setItems(I18n.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(I18n.parse(tenant.getLocale()));
        ComboBox<String> currency = new ComboBox<>(getTranslation("settings.currency"));
        currency.setItems(CURRENCIES);
        currency.setValue(tenant.getCurrency());
        currency.setHelperText(getTranslation("settings.currency.help"));
        ComboBox<String> zone = new ComboBox<>(getTranslation("settings.timeZone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setValue(tenant.getTimeZone());

        TextField brandColor = new TextField(getTranslation("settings.brandColor"));
        brandColor.setId("settings-brand-color");
        brandColor.setPlaceholder(Tenant.DEFAULT_BRAND_COLOR);
        brandColor.setHelperText(getTranslation("settings.brandColor.help"));
        brandColor.setMaxLength(7);
        brandColor.setValue(tenant.getBrandColor() == null ? "" : tenant.getBrandColor());
        Div swatch = new Div();
        swatch.setId("settings-brand-color-preview");
        swatch.setWidth("1.25rem");
        swatch.setHeight("1.25rem");
        swatch.getStyle().set("border-radius", "4px").set("border", "1px solid var(--lumo-contrast-30pct)");
        brandColor.setPrefixComponent(swatch);
        brandColor.setValueChangeMode(ValueChangeMode.EAGER);
        Runnable showColor = () -> swatch.getStyle().set("background",
                Tenant.BRAND_COLOR.matcher(brandColor.getValue().strip()).matches() ? brandColor.getValue().strip()
                        : Tenant.DEFAULT_BRAND_COLOR);
        showColor.run();
        brandColor.addValueChangeListener(e -> showColor.run());

        Div preview = new Div();
        if (tenant.getLogo() != null) {
            preview.add(Images.inline(tenant.getLogo(), tenant.getLogoType(), getTranslation("settings.logo")));
        }
        LogoUpload upload = new LogoUpload((bytes, type) -> {
            logo = bytes;
            logoType = type;
            preview.removeAll();
            preview.add(Images.inline(bytes, type, getTranslation("settings.logo")));
        });

        Button save = new Button(getTranslation("action.save"), e -> {
            name.setInvalid(false);
            brandColor.setInvalid(false);
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("settings.name.invalid"));
                name.setInvalid(true);
                return;
            }
            String color = brandColor.getValue().strip();
            if (!color.isEmpty() && !Tenant.BRAND_COLOR.matcher(color).matches()) {
                brandColor.setErrorMessage(getTranslation("settings.brandColor.invalid"));
                brandColor.setInvalid(true);
                return;
            }
            try {
                settings.update(name.getValue(), language.getValue().toLanguageTag(), currency.getValue(),
                        zone.getValue(), logo, logoType);
                settings.updateBrandColor(color);
                Notifications.success(getTranslation("settings.saved"));
            } catch (IllegalArgumentException ex) {
                Notifications.error(getTranslation("settings.invalid"));
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        FormLayout form = new FormLayout(name, language, currency, zone, brandColor);
        add(new H2(getTranslation("settings.title")), form, new Span(getTranslation("settings.logo")), preview,
                upload, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title");
    }
}
