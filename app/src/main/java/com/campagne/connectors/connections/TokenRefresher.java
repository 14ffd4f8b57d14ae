package com.campagne.connectors.connections;

import com.campagne.connectors.api.ConnectorSpec;

import java.time.Instant;
import java.util.Map;

/**
 * Keeps the OAuth 2 access tokens of a connection fresh before every call into its connector. For an
 * {@code OAUTH2_ACCOUNT} setting with key {@code K} the host keeps, among the connection's secrets,
 * {@code K} (the access token the connector uses), {@code K.refresh_token}, {@code K.expires_at} (ISO
 * instant) and, when the provider says, {@code K.refresh_token_expires_at}.
 */
public interface TokenRefresher {

    String REFRESH_TOKEN = ".refresh_token";
    String EXPIRES_AT = ".expires_at";
    String REFRESH_TOKEN_EXPIRES_AT = ".refresh_token_expires_at";

    /**
     * The secrets to replace so that every access token lives at least a few more minutes.
     *
     * @throws com.campagne.connectors.api.AuthenticationExpiredException when the provider refuses the
     *         refresh token (the user must authorise again)
     * @throws com.campagne.connectors.api.TransientException when the provider could not be reached
     */
    Refreshed refresh(ConnectorSpec spec, Map<String, String> secrets);

    /**
     * @param changed                the secrets to replace (empty: nothing was due)
     * @param authorizationExpiresAt when the refresh token stops working, if the provider said
     */
    record Refreshed(Map<String, String> changed, Instant authorizationExpiresAt) {
        public Refreshed {
            changed = Map.copyOf(changed);
        }

        public static Refreshed nothing() {
            return new Refreshed(Map.of(), null);
        }
    }
}
