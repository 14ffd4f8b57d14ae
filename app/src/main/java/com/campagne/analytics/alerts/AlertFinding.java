package com.campagne.analytics.alerts;

import java.util.Locale;
import java.util.UUID;

/**
 * A condition found true at one evaluation, before it becomes (or refreshes) an alert.
 *
 * @param subjectKey  what it is about, one active alert per key
 * @param messageKey  the i18n key of its message, with {@code args} (formatted per language by the evaluator)
 */
record AlertFinding(AlertRule rule, AlertKind kind, UUID clientId, UUID campaignId, UUID connectionId,
                    String subjectKey, String messageKey, MessageArgs args) {

    /** The message's arguments in one language. */
    @FunctionalInterface
    interface MessageArgs {
        Object[] in(Locale locale);
    }
}
