package com.campagne.tenancy;

import com.campagne.accounts.AccountException;
import com.campagne.accounts.PasswordPolicy;
import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.security.Tokens;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientRepository;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Invitations by e-mail: an OWNER or ADMIN invites an address with a role (and, for a client viewer,
 * the clients granted); the invitee follows the link and joins as a new or an existing user.
 */
@Service
public class InvitationService {

    static final Duration VALIDITY = Duration.ofDays(7);

    /** What the invitee sees before accepting. */
    public record InvitationDetails(String tenantName, String email, Role role, boolean existingUser) {
    }

    private final InvitationRepository invitations;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final ClientGrantRepository grants;
    private final ClientRepository clients;
    private final AuditService audit;
    private final MailService mail;
    private final I18n i18n;
    private final CampagneProperties properties;
    private final TenantTransactions transactions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, TenantRepository tenants, UserRepository users,
                      MembershipRepository memberships, ClientGrantRepository grants, ClientRepository clients,
                      AuditService audit,
                      MailService mail, I18n i18n, CampagneProperties properties, TenantTransactions transactions,
                      PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, Clock clock) {
        this.invitations = invitations;
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.grants = grants;
        this.clients = clients;
        this.audit = audit;
        this.mail = mail;
        this.i18n = i18n;
        this.properties = properties;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public void invite(String email, Role role, List<UUID> clientIds, Locale mailLocale) {
        CampagneUser me = CurrentUser.require();
        if (email == null || !MailService.accepts(email.trim())) {
            throw new AccountException("signup.email.invalid", "email");
        }
        if (role == null) {
            throw new AccountException("invite.role.required", "role");
        }
        if (role == Role.OWNER && !me.hasRole(Role.OWNER)) {
            throw new AccountException("members.ownerOnly", "role");
        }
        if (role == Role.CLIENT_VIEWER && clientIds.isEmpty()) {
            throw new AccountException("invite.clients.required", "clients");
        }
        String token = Tokens.newToken();
        String tenantName = transactions.inScope(TenantContext.current().orElseThrow(), () -> {
            String normalized = User.normalizeEmail(email);
            boolean alreadyMember = memberships.findAllWithUsers().stream()
                    .anyMatch(m -> m.getUser().getEmail().equals(normalized));
            if (alreadyMember) {
                throw new AccountException("invite.alreadyMember", "email");
            }
            if (role == Role.CLIENT_VIEWER && clients.findAllById(clientIds).size() != Set.copyOf(clientIds).size()) {
                // Only this tenant's clients are found: an id from elsewhere is refused here, clearly.
                throw new AccountException("invite.clients.required", "clients");
            }
            invitations.save(new Invitation(normalized, role, role == Role.CLIENT_VIEWER ? clientIds : List.of(),
                    Tokens.hash(token), me.userId(), clock.instant(), clock.instant().plus(VALIDITY)));
            audit.record(AuditAction.INVITATION_SENT, normalized, role.name());
            return tenants.findById(me.tenant().tenantId()).map(Tenant::getName).orElse("");
        });
        Locale locale = I18n.supported(mailLocale);
        mail.send(new MailService.Mail(email.trim(), i18n.getTranslation("mail.invite.subject", locale, tenantName),
                i18n.getTranslation("mail.invite.body", locale, me.displayName(), tenantName,
                        i18n.getTranslation("role." + role.name(), locale),
                        properties.linkBase() + "/invitation?token=" + token)));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public List<Invitation> pending() {
        return invitations.findPending(clock.instant());
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public void revoke(UUID invitationId) {
        invitations.findById(invitationId).ifPresent(i -> {
            i.revoke(clock.instant());
            audit.record(AuditAction.INVITATION_REVOKED, i.getEmail(), i.getRole().name());
        });
    }

    /** The pending invitation behind a link, if it is still valid. */
    public Optional<InvitationDetails> describe(String token) {
        return pendingTenant(token).flatMap(tenantId -> transactions.inScope(
                new TenantContext.Scope(tenantId, null, Tokens.hash(token)), () ->
                        invitations.findByTokenHash(Tokens.hash(token)).filter(i -> i.isPending(clock.instant()))
                                .map(i -> new InvitationDetails(tenants.findById(tenantId).map(Tenant::getName).orElse(""),
                                        i.getEmail(), i.getRole(), users.findByEmail(i.getEmail()).isPresent()))));
    }

    /** Joins as a new user; the invitation proves the address, so no verification mail is needed. */
    public void acceptAsNewUser(String token, String displayName, String password, Locale locale) {
        if (displayName == null || displayName.isBlank()) {
            throw new AccountException("signup.name.required", "displayName");
        }
        accept(token, invitation -> {
            if (users.findByEmail(invitation.getEmail()).isPresent()) {
                throw new AccountException("invite.useExisting", "password");
            }
            passwordPolicy.check(password, invitation.getEmail()).ifPresent(key -> {
                throw new AccountException(key, "password");
            });
            User user = new User(invitation.getEmail(), passwordEncoder.encode(password), displayName.trim(),
                    I18n.supported(locale).toLanguageTag(), clock.instant());
            user.markEmailVerified(clock.instant());
            return users.save(user);
        });
    }

    /** Joins as an existing user, who proves it with their password. */
    public void acceptAsExistingUser(String token, String password) {
        accept(token, invitation -> users.findByEmail(invitation.getEmail())
                .filter(u -> password != null && passwordEncoder.matches(password, u.getPasswordHash()))
                .orElseThrow(() -> new AccountException("invite.wrongPassword", "password")));
    }

    private void accept(String token, java.util.function.Function<Invitation, User> resolveUser) {
        UUID tenantId = pendingTenant(token).orElseThrow(() -> new AccountException("invite.invalidLink"));
        transactions.inScope(new TenantContext.Scope(tenantId, null, Tokens.hash(token)), () -> {
            Invitation invitation = invitations.findByTokenHash(Tokens.hash(token))
                    .filter(i -> i.isPending(clock.instant()))
                    .orElseThrow(() -> new AccountException("invite.invalidLink"));
            User user = resolveUser.apply(invitation);
            user.setLastTenantId(tenantId);
            user.markEmailVerified(clock.instant());
            Membership membership = memberships.save(new Membership(user, invitation.getRole(), clock.instant()));
            invitation.getClientIds().forEach(clientId -> grants.save(new ClientGrant(membership.getId(), clientId)));
            invitation.accept(clock.instant());
            audit.record(user.getId(), user.getEmail(), AuditAction.INVITATION_ACCEPTED, user.getEmail(),
                    invitation.getRole().name());
        });
    }

    private Optional<UUID> pendingTenant(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return transactions.inScope(TenantContext.Scope.invitation(Tokens.hash(token)),
                () -> invitations.findTenantIdByTokenHash(Tokens.hash(token)));
    }
}
