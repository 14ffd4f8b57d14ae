package com.campagne.base.ui;

import com.vaadin.flow.component.html.Image;

import java.util.Base64;

/** Small stored images (logos) shown inline; the CSP allows data: images and nothing runs inside an img. */
public final class Images {

    private Images() {
    }

    public static Image inline(byte[] bytes, String type, String alt) {
        Image image = new Image("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes), alt);
        image.setMaxHeight("64px");
        image.setMaxWidth("160px");
        return image;
    }
}
