package com.campagne.accounts;

import com.campagne.base.security.Tokens;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Issues and redeems the one-time links of user accounts. */
@Component
class AccountTokens {

    private final UserTokenRepository tokens;
    private final Clock clock;

    AccountTokens(UserTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new raw token (sent by mail); its hash is stored. */
    @Transactional
    String issue(UUID userId, UserToken.Purpose purpose, Duration validity) {
        String raw = Tokens.newToken();
        tokens.save(new UserToken(userId, purpose, Tokens.hash(raw), clock.instant(), clock.instant().plus(validity)));
        return raw;
    }

    /** The token's user if the token exists, has that purpose, is unused and unexpired; it is then used up. */
    @Transactional
    Optional<UUID> redeem(String raw, UserToken.Purpose purpose) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(Tokens.hash(raw), purpose)
                .filter(t -> t.isUsable(clock.instant()))
                .map(t -> {
                    t.use(clock.instant());
                    return t.getUserId();
                });
    }
}
