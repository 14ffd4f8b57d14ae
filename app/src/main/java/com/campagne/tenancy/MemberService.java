package com.campagne.tenancy;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The members of the current tenant: list, change role, remove. OWNER and ADMIN only. */
@Service
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
public class MemberService {

    /** A refused change; the key names the translated reason. */
    public static class MemberException extends RuntimeException {
        public MemberException(String messageKey) {
            super(messageKey);
        }
    }

    private final MembershipRepository memberships;
    private final ClientGrantRepository grants;
    private final AuditService audit;
    private final SessionRegistry sessions;

    MemberService(MembershipRepository memberships, ClientGrantRepository grants, AuditService audit,
                  SessionRegistry sessions) {
        this.memberships = memberships;
        this.grants = grants;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Membership> list() {
        return memberships.findAllWithUsers();
    }

    @Transactional(readOnly = true)
    public List<UUID> grantedClients(UUID membershipId) {
        return grants.findClientIds(membershipId);
    }

    @Transactional
    public void changeRole(UUID membershipId, Role role, Collection<UUID> clientIds) {
        Membership member = memberships.findById(membershipId).orElseThrow(() -> new MemberException("members.notFound"));
        guardOwnerChanges(member, role);
        Role before = member.getRole();
        member.setRole(role);
        grants.deleteByMembershipId(membershipId);
        grants.flush();
        if (role == Role.CLIENT_VIEWER) {
            clientIds.forEach(id -> grants.save(new ClientGrant(membershipId, id)));
        }
        audit.record(AuditAction.ROLE_CHANGED, member.getUser().getEmail(), before + " → " + role);
        endSessions(member.getUser().getId());
    }

    @Transactional
    public void remove(UUID membershipId) {
        Membership member = memberships.findById(membershipId).orElseThrow(() -> new MemberException("members.notFound"));
        guardOwnerChanges(member, null);
        memberships.delete(member);
        audit.record(AuditAction.MEMBER_REMOVED, member.getUser().getEmail(), member.getRole().name());
        endSessions(member.getUser().getId());
    }

    private void guardOwnerChanges(Membership member, Role newRole) {
        CampagneUser me = CurrentUser.require();
        boolean touchesOwner = member.getRole() == Role.OWNER || newRole == Role.OWNER;
        if (touchesOwner && !me.hasRole(Role.OWNER)) {
            throw new MemberException("members.ownerOnly");
        }
        if (member.getRole() == Role.OWNER && newRole != Role.OWNER && memberships.countByRole(Role.OWNER) <= 1) {
            throw new MemberException("members.lastOwner");
        }
    }

    /** A changed or removed member starts again from the login page, with their new rights. */
    private void endSessions(UUID userId) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof CampagneUser user && user.userId().equals(userId)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
