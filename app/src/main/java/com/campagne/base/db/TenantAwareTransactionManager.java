package com.campagne.base.db;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.PreparedStatement;

/**
 * Begins every JPA transaction by telling PostgreSQL whom it acts for, with transaction-local
 * settings passed as bound parameters. Row-level security policies read them; being local, they
 * vanish at commit or rollback, so nothing leaks to the next user of the pooled connection.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    private static final String SET_SCOPE = "select set_config('app.tenant_id', ?, true),"
            + " set_config('app.user_id', ?, true), set_config('app.invitation_token', ?, true)";

    public TenantAwareTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        TenantContext.Scope scope = TenantContext.current().orElse(new TenantContext.Scope(null, null, null));
        EntityManagerHolder holder = (EntityManagerHolder)
                TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SET_SCOPE)) {
                ps.setString(1, scope.tenantId() == null ? "" : scope.tenantId().toString());
                ps.setString(2, scope.userId() == null ? "" : scope.userId().toString());
                ps.setString(3, scope.invitationToken() == null ? "" : scope.invitationToken());
                ps.execute();
            }
        });
    }
}
