package com.campagne.accounts;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.tenancy.UserRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows, then locks, repeated failed logins, per account (in the database, so every app node
 * agrees) and per IP address (in memory on each node; a shared limiter can replace it when the
 * app runs on several nodes).
 */
@Component
public class LoginThrottle {

    /** Failures on one account before it locks. */
    public static final int ACCOUNT_LOCK_AFTER = 5;
    public static final Duration ACCOUNT_LOCK_FOR = Duration.ofMinutes(15);
    /** Failures from one address (any accounts) within the window before it is refused. */
    public static final int IP_LOCK_AFTER = 50;
    static final int IP_SLOW_AFTER = 10;
    static final Duration IP_WINDOW = Duration.ofMinutes(15);

    private final UserRepository users;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final Cache<String, AtomicInteger> failuresByIp = Caffeine.newBuilder()
            .expireAfterWrite(IP_WINDOW).maximumSize(100_000).build();

    LoginThrottle(UserRepository users, TenantTransactions transactions, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean ipBlocked(String ip) {
        AtomicInteger count = ip == null ? null : failuresByIp.getIfPresent(ip);
        return count != null && count.get() >= IP_LOCK_AFTER;
    }

    /** What a failed attempt led to. */
    public record Outcome(boolean accountLocked, Duration delay) {
    }

    /** Counts a failure; for a known account, locks it at the limit. The caller waits {@code delay} before answering. */
    public Outcome recordFailure(UUID userId, String ip) {
        int ipFailures = ip == null ? 0 : failuresByIp.get(ip, k -> new AtomicInteger()).incrementAndGet();
        int accountFailures = 0;
        boolean locked = false;
        if (userId != null) {
            int[] result = transactions.inScope(new TenantContext.Scope(null, null, null), () ->
                    users.findById(userId).map(u -> {
                        int failures = u.getFailedLogins() + 1;
                        boolean lock = failures >= ACCOUNT_LOCK_AFTER;
                        u.setFailedLogins(lock ? 0 : failures);
                        if (lock) {
                            u.setLockedUntil(clock.instant().plus(ACCOUNT_LOCK_FOR));
                        }
                        return new int[]{failures, lock ? 1 : 0};
                    }).orElse(new int[]{0, 0}));
            accountFailures = result[0];
            locked = result[1] == 1;
        }
        // Each further failure costs the attacker more time: 0.25 s, 0.5 s, 1 s, 2 s…, at most 3 s.
        long millis = Math.min(3000, accountFailures <= 1 ? 0 : 250L << Math.min(accountFailures - 2, 4));
        if (ipFailures > IP_SLOW_AFTER) {
            millis = Math.max(millis, 2000);
        }
        return new Outcome(locked, Duration.ofMillis(millis));
    }

    public void recordSuccess(UUID userId) {
        transactions.inScope(new TenantContext.Scope(null, null, null), () ->
                users.findById(userId).ifPresent(u -> {
                    u.setFailedLogins(0);
                    u.setLockedUntil(null);
                }));
    }

    public Instant now() {
        return clock.instant();
    }

    void clearIp(String ip) {
        failuresByIp.invalidate(ip);
    }
}
