package com.campagne.accounts;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.MembershipRepository.TenantMembershipView;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads a user for login and remember-me, landing them in the tenant they used last (or their
 * first one); also lists and switches the tenants a user belongs to.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final TenantTransactions transactions;
    private final Clock clock;

    AccountUserDetailsService(UserRepository users, MembershipRepository memberships,
                              TenantTransactions transactions, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CampagneUser loadUserByUsername(String email) {
        User user = transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email == null ? "" : email.trim()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        List<TenantMembershipView> tenants = tenantsOf(user.getId());
        TenantMembershipView chosen = tenants.stream()
                .filter(t -> t.getTenantId().equals(user.getLastTenantId()))
                .findFirst().orElse(tenants.isEmpty() ? null : tenants.getFirst());
        return toPrincipal(user, chosen);
    }

    /** The tenants the user belongs to, with their role in each. */
    public List<TenantMembershipView> tenantsOf(UUID userId) {
        return transactions.inScope(TenantContext.Scope.user(userId), () -> memberships.findTenantsOfUser(userId));
    }

    /** The user working in {@code tenantId}, if they belong to it; remembered as their last tenant. */
    public Optional<CampagneUser> switchTo(CampagneUser current, UUID tenantId) {
        Optional<TenantMembershipView> target = tenantsOf(current.userId()).stream()
                .filter(t -> t.getTenantId().equals(tenantId)).findFirst();
        target.ifPresent(t -> transactions.inScope(TenantContext.Scope.user(current.userId()),
                () -> users.findById(current.userId()).ifPresent(u -> u.setLastTenantId(tenantId))));
        return target.map(t -> current.withTenant(selection(current.userId(), t)));
    }

    private CampagneUser toPrincipal(User user, TenantMembershipView tenant) {
        boolean locked = user.getLockedUntil() != null && user.getLockedUntil().isAfter(clock.instant());
        return new CampagneUser(user.getId(), user.getEmail(), user.getPasswordHash(), user.getDisplayName(),
                user.getLocale(), user.isPlatformAdmin(), user.isEmailVerified(), locked,
                tenant == null ? null : selection(user.getId(), tenant));
    }

    private CampagneUser.TenantSelection selection(UUID userId, TenantMembershipView t) {
        return new CampagneUser.TenantSelection(t.getTenantId(), t.getTenantName(), Role.valueOf(t.getRole()),
                t.getMembershipId());
    }
}
