package com.campagne.connectors.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How the host obtains tokens for an {@link SettingType#OAUTH2_ACCOUNT} setting: the provider's
 * authorization and token endpoints and the scopes to ask for. The host runs the authorization-code
 * flow through its own callback with the client id and secret its operator registered with the
 * provider, and stores the refresh token encrypted under the setting's key in {@link Secrets}.
 *
 * @param authorizationEndpoint where the user is sent to grant access
 * @param tokenEndpoint         where codes and refresh tokens are exchanged for access tokens
 * @param scopes                the scopes requested
 */
public record OAuth2Spec(URI authorizationEndpoint, URI tokenEndpoint, List<String> scopes) {

    public OAuth2Spec {
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
