package com.campagne.connectors.connections.ui;

import com.campagne.connectors.runtime.ConnectorHandle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.io.InputStream;
import java.util.Base64;

/** A connector's icon: the SVG its plugin ships, else one for its category. */
final class ConnectorIcons {

    private static final int MAX_ICON_BYTES = 64 * 1024;

    private ConnectorIcons() {
    }

    static Component of(ConnectorHandle handle, String size) {
        String icon = handle == null ? null : handle.spec().icon();
        if (icon != null && icon.endsWith(".svg")) {
            // Shown as an <img>: a script inside the SVG does not run there.
            try (InputStream in = handle.connector().getClass().getClassLoader().getResourceAsStream(icon)) {
                if (in != null) {
                    byte[] bytes = in.readNBytes(MAX_ICON_BYTES + 1);
                    if (bytes.length <= MAX_ICON_BYTES) {
                        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(bytes),
                                "");
                        image.setWidth(size);
                        image.setHeight(size);
                        return image;
                    }
                }
            } catch (Exception | LinkageError e) {
                // A plugin's broken icon must not break the screen: fall back to the category's.
            }
        }
        Icon fallback = (handle == null ? VaadinIcon.PLUG : switch (handle.spec().category()) {
            case AD_NETWORK -> VaadinIcon.MEGAPHONE;
            case ANALYTICS -> VaadinIcon.BAR_CHART;
            case EMAILING -> VaadinIcon.ENVELOPE;
            case SOCIAL -> VaadinIcon.USERS;
            case FILE -> VaadinIcon.FILE_TABLE;
        }).create();
        fallback.setSize(size);
        fallback.getStyle().set("color", handle == null ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
        return fallback;
    }
}
