package com.campagne.base.db;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs work in its own transaction under an explicit scope, for the few flows that act before or
 * outside a session: sign-up, login, invitation and e-mail links, background jobs.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate template;

    public TenantTransactions(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        this.template.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T inScope(TenantContext.Scope scope, Supplier<T> work) {
        return TenantContext.runAs(scope, () -> template.execute(status -> work.get()));
    }

    public void inScope(TenantContext.Scope scope, Runnable work) {
        inScope(scope, () -> {
            work.run();
            return null;
        });
    }
}
