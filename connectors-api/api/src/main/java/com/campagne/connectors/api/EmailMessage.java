package com.campagne.connectors.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to send through an {@link EmailSender}.
 *
 * @param fromAddress the sender's address
 * @param fromName    the sender's display name, or {@code null}
 * @param to          the recipients' addresses (one for a personalised newsletter message)
 * @param replyTo     the reply-to address, or {@code null}
 * @param subject     the subject
 * @param html        the HTML body, or {@code null}
 * @param text        the plain-text body, or {@code null} (at least one body is required)
 * @param headers     extra headers ({@code List-Unsubscribe}…)
 */
public record EmailMessage(String fromAddress, String fromName, List<String> to, String replyTo, String subject,
                           String html, String text, Map<String, String> headers) {

    public EmailMessage {
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(subject, "subject");
        to = List.copyOf(to);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("An e-mail needs at least one recipient");
        }
        if (html == null && text == null) {
            throw new IllegalArgumentException("An e-mail needs an HTML or a text body");
        }
    }
}
