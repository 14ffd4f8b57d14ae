package com.campagne.connectors.oauth;

import com.campagne.connectors.api.ConnectorSpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The operator's registration with the provider of a connector, merged with the connector's {@code OAuth2Spec}. */
@Configuration
@EnableConfigurationProperties(OAuth2Properties.class)
public class OAuth2Clients {

    /** The properties an operator sets for a connector (shown when they are missing). */
    public static String propertyPrefix(String connectorId) {
        return "campagne.oauth2.providers." + connectorId;
    }

    /**
     * What the host needs to run the flow for one connector.
     *
     * @param clientId         the client id
     * @param clientSecret     the client secret
     * @param authorizationUri where the user grants access
     * @param tokenUri         where codes and refresh tokens are exchanged
     * @param scopes           the scopes asked for
     */
    public record Registration(String clientId, String clientSecret, URI authorizationUri, URI tokenUri,
                               List<String> scopes) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Registration[" + clientId + " " + tokenUri + "]";
        }
    }

    private final OAuth2Properties properties;

    OAuth2Clients(OAuth2Properties properties) {
        this.properties = properties;
    }

    /** The registration for that connector; empty when it declares no OAuth 2 or the operator has not configured it. */
    public Optional<Registration> registration(ConnectorSpec spec) {
        if (spec.oauth2() == null) {
            return Optional.empty();
        }
        OAuth2Properties.Provider provider = properties.providers().get(spec.id());
        if (provider == null || !provider.configured()) {
            return Optional.empty();
        }
        return Optional.of(new Registration(provider.clientId().trim(), provider.clientSecret().trim(),
                provider.authorizationUri() != null ? provider.authorizationUri() : spec.oauth2().authorizationEndpoint(),
                provider.tokenUri() != null ? provider.tokenUri() : spec.oauth2().tokenEndpoint(),
                spec.oauth2().scopes()));
    }
}
