package com.campagne.connectors.api;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How the host obtains tokens for an {@link SettingType#OAUTH2_ACCOUNT} setting: the provider's
 * authorization and token endpoints and the scopes to ask for.
 *
 * <p>The host runs the flow and manages the tokens; the connector only uses them. The host runs the
 * authorization-code flow (with PKCE S256, {@code access_type=offline} and {@code prompt=consent}) through
 * its own callback {@code <app>/oauth2/callback}, with the client id and secret its operator registered with
 * the provider ({@code client_secret_post} at the token endpoint). For a setting with key {@code K} it keeps,
 * encrypted among the connection's {@link Secrets}:
 * <ul>
 *   <li>{@code K}: the current <em>access</em> token, which the connector sends as a Bearer token
 *       ({@code secrets.get(K)});</li>
 *   <li>{@code K.refresh_token}: the refresh token;</li>
 *   <li>{@code K.expires_at}: when the access token expires (ISO-8601 instant).</li>
 * </ul>
 * Before every call that uses the connection (check, discover, read) the host refreshes the access token
 * ({@code grant_type=refresh_token}) when it expires within 5 minutes, and keeps a rotated refresh token. A
 * refresh refused with {@code invalid_grant} marks the connection as needing a new authorisation. So a
 * connector needs no refresh logic of its own; on a 401 it throws {@link AuthenticationExpiredException}.
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
