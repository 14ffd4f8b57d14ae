package com.campagne.connectors.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Map;

/**
 * {@code campagne.oauth2.providers.<connectorId>.*}: the client id and secret the platform operator
 * registered with each OAuth 2 provider, and optional endpoint overrides (tests, self-hosted providers).
 *
 * @param providers the registrations, by connector id
 */
@ConfigurationProperties("campagne.oauth2")
public record OAuth2Properties(Map<String, Provider> providers) {

    public OAuth2Properties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * @param clientId         the client id registered with the provider
     * @param clientSecret     its secret
     * @param authorizationUri replaces the connector's authorization endpoint, or {@code null}
     * @param tokenUri         replaces the connector's token endpoint, or {@code null}
     */
    public record Provider(String clientId, String clientSecret, URI authorizationUri, URI tokenUri) {

        boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Provider[" + clientId + "]";
        }
    }
}
