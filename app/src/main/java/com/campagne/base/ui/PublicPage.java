package com.campagne.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** Frame of the pages seen without the app shell: brand, language, a centred card. */
public abstract class PublicPage extends VerticalLayout implements HasDynamicTitle {

    protected final VerticalLayout card = new VerticalLayout();
    private final String titleKey;

    protected PublicPage(String titleKey, String introKey) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        getStyle().set("background", "var(--lumo-contrast-5pct, #f3f5f7)").set("overflow", "auto");

        Anchor brand = new Anchor("/", getTranslation("app.name"));
        brand.getStyle().set("font-weight", "700").set("font-size", "1.4rem")
                .set("color", "var(--lumo-primary-text-color, #1a5fb4)").set("text-decoration", "none");
        HorizontalLayout top = new HorizontalLayout(brand, new LanguageSwitch(l -> { }));
        top.setWidth("100%");
        top.setMaxWidth("28rem");
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);

        card.setMaxWidth("28rem");
        card.setWidth("100%");
        card.getStyle().set("background", "var(--lumo-base-color, white)").set("border-radius", "12px")
                .set("box-shadow", "0 2px 12px rgba(0,0,0,.08)").set("padding", "1.5rem 2rem");
        H1 title = new H1(getTranslation(titleKey));
        title.getStyle().set("font-size", "1.6rem").set("margin", "0");
        card.add(title);
        if (introKey != null) {
            Paragraph intro = new Paragraph(getTranslation(introKey));
            intro.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin-top", "0");
            card.add(intro);
        }
        add(top, card);
        this.titleKey = titleKey;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }
}
