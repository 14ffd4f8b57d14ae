package com.campagne.support;

import com.campagne.base.security.CampagneUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * Runs test code as a signed-in user of one tenant, the way a request of theirs runs: services see the user's
 * roles and tenant, exactly as after a login. The caller's own context comes back afterwards, so it may nest.
 */
public final class ActingAs {

    private ActingAs() {
    }

    public static <T> T as(CampagneUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    public static void as(CampagneUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
