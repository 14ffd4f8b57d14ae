package com.campagne.clients;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's clients. Staff see all of them; a CLIENT_VIEWER sees only the clients granted to
 * them and changes nothing.
 */
@Service
public class ClientService {

    private final ClientRepository clients;
    private final ClientGrantRepository grants;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;

    ClientService(ClientRepository clients, ClientGrantRepository grants, AuditService audit, Validator validator,
                  Clock clock) {
        this.clients = clients;
        this.grants = grants;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<Client> search(String search, boolean archived, Pageable page) {
        Visibility v = visibility();
        return clients.search(normalize(search), archived, v.restricted(), v.allowed(), page);
    }

    @Transactional(readOnly = true)
    @PermitAll
    public long count(String search, boolean archived) {
        Visibility v = visibility();
        return clients.countSearch(normalize(search), archived, v.restricted(), v.allowed());
    }

    /** Whether the user can see any client at all, archived or not (decides the empty state). */
    @Transactional(readOnly = true)
    @PermitAll
    public boolean anyVisible() {
        Visibility v = visibility();
        return v.restricted() ? clients.existsByIdIn(v.allowed()) : clients.count() > 0;
    }

    /** The client if it exists in the current tenant and the user may see it. */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Client> find(UUID id) {
        Visibility v = visibility();
        return clients.findById(id).filter(c -> !v.restricted() || v.allowed().contains(c.getId()));
    }

    @Transactional(readOnly = true)
    @PermitAll
    public List<Client> active() {
        return clients.findByArchivedAtIsNullOrderByNameAsc();
    }

    /**
     * The clients a client viewer is limited to, or empty for staff, who see every client of the tenant
     * (row-level security keeps other tenants out). Reads ids only: cheap enough for every query.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<Set<UUID>> restrictedTo() {
        Visibility v = visibility();
        return v.restricted() ? Optional.of(Set.copyOf(v.allowed())) : Optional.empty();
    }

    /** Ids and names of the active clients the user may see, by name (cheap: no logo is read). */
    @Transactional(readOnly = true)
    @PermitAll
    public Map<UUID, String> visibleNames() {
        Visibility v = visibility();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (Object[] row : clients.activeNames()) {
            if (!v.restricted() || v.allowed().contains((UUID) row[0])) {
                names.put((UUID) row[0], (String) row[1]);
            }
        }
        return names;
    }

    /** The active clients the user may see: all for staff, the granted ones for a client viewer. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Client> visibleActive() {
        Visibility v = visibility();
        return clients.findByArchivedAtIsNullOrderByNameAsc().stream()
                .filter(c -> !v.restricted() || v.allowed().contains(c.getId())).toList();
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Client save(Client client) {
        Set<ConstraintViolation<Client>> violations = validator.validate(client);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        boolean created = client.getVersion() == null;
        if (!created && clients.findById(client.getId()).isEmpty()) {
            throw new ClientNotFoundException();
        }
        client.touch(clock.instant());
        Client saved = clients.save(client);
        audit.record(created ? AuditAction.CLIENT_CREATED : AuditAction.CLIENT_UPDATED, saved.getName(), null);
        return saved;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public void archive(UUID id) {
        Client client = clients.findById(id).orElseThrow(ClientNotFoundException::new);
        client.setArchivedAt(clock.instant());
        audit.record(AuditAction.CLIENT_ARCHIVED, client.getName(), null);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public void restore(UUID id) {
        Client client = clients.findById(id).orElseThrow(ClientNotFoundException::new);
        client.setArchivedAt(null);
        audit.record(AuditAction.CLIENT_RESTORED, client.getName(), null);
    }

    private record Visibility(boolean restricted, List<UUID> allowed) {
    }

    private Visibility visibility() {
        CampagneUser user = CurrentUser.require();
        if (user.hasRole(Role.CLIENT_VIEWER)) {
            List<UUID> allowed = grants.findClientIds(user.tenant().membershipId());
            // An empty IN list is not valid JPQL: a random id matches nothing instead.
            return new Visibility(true, allowed.isEmpty() ? List.of(UUID.randomUUID()) : allowed);
        }
        return new Visibility(false, List.of(UUID.randomUUID()));
    }

    private static String normalize(String search) {
        return search == null ? "" : search.trim().replace("%", "").replace("_", "");
    }

    /** Unknown here: either absent or another tenant's, which must look the same. */
    public static class ClientNotFoundException extends RuntimeException {
        public ClientNotFoundException() {
            super("client not found");
        }
    }
}
