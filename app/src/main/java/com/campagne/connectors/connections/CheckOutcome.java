package com.campagne.connectors.connections;

import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.Text;

import java.time.Instant;

/**
 * The result of "test the connection", for the user.
 *
 * @param ok                  whether the connector reached the provider
 * @param message             what was reached, or what is wrong, in both languages
 * @param failureType         why it failed, or {@code null} when it worked
 * @param settingKey          the setting at fault for a BAD_SETTINGS failure, the only secret for refused
 *                            credentials (AUTHENTICATION_EXPIRED), or {@code null}
 * @param credentialsExpireAt when the credentials stop working, if known
 */
public record CheckOutcome(boolean ok, Text message, FailureType failureType, String settingKey,
                           Instant credentialsExpireAt) {
}
