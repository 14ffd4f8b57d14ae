package com.campagne.analytics.alerts;

/** The addresses of the alert screens, for the bell, the mails and links elsewhere. */
public final class AlertPaths {

    public static final String ALERTS = "alerts";
    public static final String RULES = "alerts/rules";

    private AlertPaths() {
    }
}
