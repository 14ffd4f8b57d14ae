package com.campagne.connectors.connections.ui;

import com.campagne.connectors.api.Category;
import com.campagne.connectors.connections.ConnectionStatus;
import com.campagne.connectors.connections.Schedule;

/** The message keys of the connection enums, spelled out so the bundle check sees every one. */
final class ConnectionTexts {

    private ConnectionTexts() {
    }

    static String schedule(Schedule schedule) {
        return switch (schedule) {
            case MANUAL -> "connections.schedule.MANUAL";
            case HOURLY -> "connections.schedule.HOURLY";
            case DAILY -> "connections.schedule.DAILY";
            case WEEKLY -> "connections.schedule.WEEKLY";
        };
    }

    static String status(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> "connections.status.ACTIVE";
            case PAUSED -> "connections.status.PAUSED";
        };
    }

    static String category(Category category) {
        return switch (category) {
            case AD_NETWORK -> "connections.category.AD_NETWORK";
            case ANALYTICS -> "connections.category.ANALYTICS";
            case EMAILING -> "connections.category.EMAILING";
            case SOCIAL -> "connections.category.SOCIAL";
            case FILE -> "connections.category.FILE";
        };
    }
}
