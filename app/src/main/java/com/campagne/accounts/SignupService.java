package com.campagne.accounts;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.clients.Client;
import com.campagne.clients.ClientFactory;
import com.campagne.clients.ClientRepository;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.TenantRepository;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Self-serve sign-up: a tenant, its owner and (for a business) its own client, in one transaction. */
@Service
public class SignupService {

    static final Duration VERIFICATION_VALIDITY = Duration.ofDays(3);

    public record SignupRequest(TenantKind kind, String organizationName, String displayName, String email,
                                String password, Locale locale) {
    }

    private final TenantRepository tenants;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final ClientRepository clients;
    private final AuditService audit;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final TenantTransactions transactions;
    private final EmailVerification verification;
    private final Clock clock;

    SignupService(TenantRepository tenants, UserRepository users, MembershipRepository memberships,
                  ClientRepository clients, AuditService audit, PasswordEncoder passwordEncoder,
                  PasswordPolicy passwordPolicy, TenantTransactions transactions, EmailVerification verification,
                  Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.memberships = memberships;
        this.clients = clients;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.transactions = transactions;
        this.verification = verification;
        this.clock = clock;
    }

    /** Creates the tenant and its owner, then mails the verification link. Returns the new tenant id. */
    public UUID signUp(SignupRequest request) {
        validate(request);
        Locale locale = I18n.supported(request.locale());
        UUID tenantId = UUID.randomUUID();
        String email = User.normalizeEmail(request.email());
        String hash = passwordEncoder.encode(request.password());
        User owner = new User(email, hash, request.displayName().trim(), locale.toLanguageTag(), clock.instant());
        transactions.inScope(new TenantContext.Scope(tenantId, owner.getId(), null), () -> {
            if (users.findByEmail(email).isPresent()) {
                throw new AccountException("signup.emailTaken", "email");
            }
            String name = request.organizationName().trim();
            tenants.save(new Tenant(tenantId, request.kind(), name, uniqueSlug(name), locale.toLanguageTag(), "EUR",
                    "Europe/Paris", clock.instant()));
            owner.setLastTenantId(tenantId);
            users.save(owner);
            memberships.save(new Membership(owner, Role.OWNER, clock.instant()));
            if (request.kind() == TenantKind.BUSINESS) {
                // A business markets itself: its one client is the business.
                clients.save(ClientFactory.create(name, clock.instant()));
            }
            audit.record(owner.getId(), email, AuditAction.TENANT_CREATED, name, request.kind().name());
        });
        verification.send(owner.getId());
        return tenantId;
    }

    /** Checks every field and reports all problems at once. */
    private void validate(SignupRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.kind() == null) {
            errors.put("kind", "signup.kind.required");
        }
        if (r.organizationName() == null || r.organizationName().isBlank()) {
            errors.put("organizationName", "signup.organization.required");
        } else if (r.organizationName().trim().length() > 200) {
            errors.put("organizationName", "signup.organization.tooLong");
        }
        if (r.displayName() == null || r.displayName().isBlank()) {
            errors.put("displayName", "signup.name.required");
        }
        if (r.email() == null || !MailService.accepts(r.email().trim())) {
            // e.g. "jean..dupont@" passes the pattern but not the mailer: refused before the account
            // exists, not when the verification mail fails after it was created.
            errors.put("email", "signup.email.invalid");
        }
        passwordPolicy.check(r.password(), r.email()).ifPresent(key -> errors.put("password", key));
        if (!errors.isEmpty()) {
            throw new AccountException(errors);
        }
    }

    private String uniqueSlug(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "espace";
        }
        base = base.length() > 60 ? base.substring(0, 60) : base;
        String slug = base;
        for (int i = 2; tenants.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }
}
