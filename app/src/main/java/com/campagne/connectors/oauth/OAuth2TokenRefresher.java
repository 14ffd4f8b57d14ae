package com.campagne.connectors.oauth;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.connections.TokenRefresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Refreshes an access token at the provider's token endpoint ({@code grant_type=refresh_token}) when it
 * expires within {@link #MARGIN}, keeping a rotated refresh token. A refused refresh token
 * ({@code invalid_grant}) means the user must authorise again.
 */
@Component
class OAuth2TokenRefresher implements TokenRefresher {

    /** An access token expiring sooner than this is refreshed before the call. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(OAuth2TokenRefresher.class);

    private final OAuth2Clients clients;
    private final Clock clock;

    OAuth2TokenRefresher(OAuth2Clients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Refreshed refresh(ConnectorSpec spec, Map<String, String> secrets) {
        if (spec.oauth2() == null) {
            return Refreshed.nothing();
        }
        Map<String, String> changed = new HashMap<>();
        Instant authorizationExpiresAt = null;
        Instant now = clock.instant();
        for (SettingField field : spec.settings()) {
            if (field.type() != SettingType.OAUTH2_ACCOUNT) {
                continue;
            }
            String key = field.key();
            String refreshToken = secrets.get(key + REFRESH_TOKEN);
            if (refreshToken == null || refreshToken.isBlank() || !due(secrets, key, now)) {
                continue;
            }
            OAuth2Clients.Registration registration = clients.registration(spec).orElseThrow(() ->
                    new PermanentException(OAuth2Texts.notConfigured(spec), null));
            TokenEndpoint.Tokens tokens;
            try {
                tokens = TokenEndpoint.refresh(registration, refreshToken);
            } catch (TokenEndpoint.TokenError e) {
                log.info("Refreshing the access token of {} ({}) failed: {}", spec.id(), key, e.getMessage());
                if (e.transientFailure()) {
                    throw new TransientException(Text.of(
                            "Le fournisseur de « " + spec.name().fr() + " » ne répond pas pour renouveler l’accès ; nouvel essai plus tard.",
                            spec.name().en() + " did not answer when renewing access; it will be tried again later."), e);
                }
                if (e.invalidGrant()) {
                    throw new AuthenticationExpiredException(OAuth2Texts.reauthorize(spec), e);
                }
                throw new PermanentException(OAuth2Texts.refused(spec, e.error()), e);
            }
            changed.put(key, tokens.accessToken());
            changed.put(key + EXPIRES_AT, expiry(now, tokens.expiresIn()).toString());
            if (tokens.refreshToken() != null && !tokens.refreshToken().isBlank()) {
                changed.put(key + REFRESH_TOKEN, tokens.refreshToken());
            }
            if (tokens.refreshTokenExpiresIn() != null) {
                Instant at = now.plusSeconds(tokens.refreshTokenExpiresIn());
                changed.put(key + REFRESH_TOKEN_EXPIRES_AT, at.toString());
                authorizationExpiresAt = authorizationExpiresAt == null || at.isBefore(authorizationExpiresAt)
                        ? at : authorizationExpiresAt;
            }
            log.info("Refreshed the access token of {} ({})", spec.id(), key);
        }
        return new Refreshed(changed, authorizationExpiresAt);
    }

    /** Due when it expires within the margin, or when its expiry is unknown but there is no token at all. */
    private static boolean due(Map<String, String> secrets, String key, Instant now) {
        String access = secrets.get(key);
        if (access == null || access.isBlank()) {
            return true;
        }
        String expiresAt = secrets.get(key + EXPIRES_AT);
        if (expiresAt == null || expiresAt.isBlank()) {
            return false;
        }
        try {
            return Instant.parse(expiresAt.trim()).isBefore(now.plus(MARGIN));
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** Without {@code expires_in} (allowed by RFC 6749) an hour is assumed, the common lifetime. */
    static Instant expiry(Instant now, Long expiresIn) {
        return now.plusSeconds(expiresIn == null || expiresIn <= 0 ? 3600 : expiresIn);
    }
}
