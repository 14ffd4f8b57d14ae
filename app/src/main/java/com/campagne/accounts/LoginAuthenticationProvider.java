package com.campagne.accounts;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * Password login with throttling: a locked account or a blocked address is refused before the
 * password is even checked, failures are counted and slowed, and every attempt on a known account
 * lands in the audit log of the tenants it belongs to.
 */
@Component
public class LoginAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginAuthenticationProvider.class);

    /** The IP address is refused for a while (too many failures from it). */
    public static class AddressBlockedException extends AuthenticationException {
        public AddressBlockedException() {
            super("address blocked");
        }
    }

    private final AccountUserDetailsService userDetails;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final TenantTransactions transactions;
    /** Checked against when the account does not exist, so that both cases cost the same time. */
    private volatile String dummyHash;

    LoginAuthenticationProvider(AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder,
                                LoginThrottle throttle, AuditService audit, TenantTransactions transactions) {
        this.userDetails = userDetails;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (throttle.ipBlocked(ip)) {
            throw new AddressBlockedException();
        }
        CampagneUser user;
        try {
            user = userDetails.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            passwordEncoder.matches(password, dummyHash()); // same cost as a real check: no account enumeration by timing
            pause(throttle.recordFailure(null, ip).delay());
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.isAccountNonLocked()) {
            throw new LockedException("locked");
        }
        if (!passwordEncoder.matches(password, user.getPassword())) {
            LoginThrottle.Outcome outcome = throttle.recordFailure(user.userId(), ip);
            auditInAllTenants(user, AuditAction.SIGN_IN_FAILED, ip);
            if (outcome.accountLocked()) {
                auditInAllTenants(user, AuditAction.ACCOUNT_LOCKED, ip);
                log.warn("Account {} locked after {} failed logins", user.userId(), LoginThrottle.ACCOUNT_LOCK_AFTER);
                throw new LockedException("locked");
            }
            pause(outcome.delay());
            throw new BadCredentialsException("bad credentials");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("email not verified");
        }
        throttle.recordSuccess(user.userId());
        if (user.tenant() != null) {
            transactions.inScope(TenantContext.Scope.tenant(user.tenant().tenantId()), () ->
                    audit.record(user.userId(), user.email(), AuditAction.SIGN_IN, user.email(), null));
        }
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = passwordEncoder.encode("not-a-real-password-" + UUID.randomUUID());
        }
        return dummyHash;
    }

    private void auditInAllTenants(CampagneUser user, AuditAction action, String ip) {
        for (var tenant : userDetails.tenantsOf(user.userId())) {
            transactions.inScope(TenantContext.Scope.tenant(tenant.getTenantId()), () ->
                    audit.record(null, user.email(), action, user.email(), ip == null ? null : "IP " + ip));
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
