package com.campagne.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What a screen shows when it has nothing yet: what this is and the first step to take. */
public class EmptyState extends VerticalLayout {

    public EmptyState(VaadinIcon icon, String title, String text, Component action) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
        getStyle().set("border", "1px dashed var(--lumo-contrast-30pct, #bbb)").set("border-radius", "12px")
                .set("text-align", "center").set("max-width", "36rem").set("margin", "2rem auto");
        var i = icon.create();
        i.setSize("48px");
        i.getStyle().set("color", "var(--lumo-primary-color, #1a5fb4)");
        H3 h = new H3(title);
        h.getStyle().set("margin", "0.5rem 0 0");
        Paragraph p = new Paragraph(text);
        p.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
        add(i, h, p);
        if (action != null) {
            add(action);
        }
    }
}
