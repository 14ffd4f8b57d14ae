package com.campagne.audit;

import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Writes and reads the tenant's audit log. Writing joins the caller's transaction and tenant. */
@Service
public class AuditService {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an action of the current user in the current tenant. */
    @Transactional
    public void record(AuditAction action, String target, String details) {
        CampagneUser user = CurrentUser.get().orElse(null);
        record(user == null ? null : user.userId(), user == null ? null : user.email(), action, target, details);
    }

    /** Records an action by a given actor (for flows without a session: sign-up, login, invitation links). */
    @Transactional
    public void record(UUID actorId, String actorEmail, AuditAction action, String target, String details) {
        events.save(new AuditEvent(clock.instant(), actorId, actorEmail, action, target, details, clientIp()));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public List<AuditEvent> latest(int offset, int limit) {
        return events.findLatest(PageRequest.of(offset / Math.max(limit, 1), Math.max(limit, 1)));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public long count() {
        return events.count();
    }

    public static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
