package com.campagne.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;

import java.util.Optional;
import java.util.UUID;

/** Ids in route parameters: a malformed one is simply absent, so the view answers "not found". */
public final class RouteIds {

    private RouteIds() {
    }

    /** The text as a UUID, or empty when it is not one. */
    public static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The route parameter of that name as a UUID, or empty when missing or malformed. */
    public static Optional<UUID> param(BeforeEnterEvent event, String name) {
        return event.getRouteParameters().get(name).flatMap(RouteIds::uuid);
    }
}
