package com.campagne.connectors.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The capability of sending e-mail (an SMTP server, Brevo's transactional API…). A {@link Connector}
 * offers it by implementing this interface too; the host sends through a connection of that
 * connector, with its settings.
 */
public interface EmailSender extends org.pf4j.ExtensionPoint {

    /**
     * Sends one message.
     *
     * @return the provider's message id, or {@code null} when it gives none
     */
    String send(ConnectorContext context, Settings settings, EmailMessage message);

    /**
     * Sends a newsletter batch; the default sends one by one. Providers with a batch endpoint
     * override it.
     *
     * @return the provider's message ids, in order
     */
    default List<String> sendBatch(ConnectorContext context, Settings settings, List<EmailMessage> messages) {
        List<String> ids = new ArrayList<>(messages.size());
        for (EmailMessage message : messages) {
            ids.add(send(context, settings, message));
        }
        return ids;
    }
}
