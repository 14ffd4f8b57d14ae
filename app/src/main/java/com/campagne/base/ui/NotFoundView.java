package com.campagne.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Not found", for a missing page and equally for another tenant's record: the two must look
 * the same, so nothing tells that the other record exists.
 */
@AnonymousAllowed
public class NotFoundView extends PublicPage implements HasErrorParameter<NotFoundException> {

    private final Paragraph detail = new Paragraph();

    public NotFoundView() {
        super("notFound.title", null);
        card.getChildren().findFirst().ifPresent(title -> title.setId("not-found"));
        card.add(detail, new Anchor("/", getTranslation("notFound.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        detail.setText(parameter.hasCustomMessage() ? parameter.getCustomMessage() : getTranslation("notFound.text"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
