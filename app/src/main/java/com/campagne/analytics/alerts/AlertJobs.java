package com.campagne.analytics.alerts;

import com.campagne.connectors.sync.SyncRunFinished;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.LocalTime;

/**
 * When alerts are evaluated: after every sync run, once its end is committed (the facts it wrote are then
 * visible), for that run's tenant; and daily at 06:30 for every tenant (a db-scheduler recurring task, started
 * with the others by {@code SyncScheduling}), which catches what no sync changes: tokens nearing expiry,
 * a day without impressions when nothing synced.
 */
@Configuration(proxyBeanMethods = false)
public class AlertJobs {

    static final String DAILY_TASK = "alerts-daily";

    private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);

    private final AlertEvaluator evaluator;

    AlertJobs(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Bean
    RecurringTask<Void> alertsDailyTask() {
        return Tasks.recurring(DAILY_TASK, Schedules.daily(LocalTime.of(6, 30)))
                .execute((instance, context) -> log.info("Daily alerts fired: {}", evaluator.evaluateAll()));
    }

    /** After a run's end is committed; an evaluation that fails is logged and never fails the sync. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterSync(SyncRunFinished finished) {
        try {
            int fired = evaluator.evaluate(finished.tenantId());
            log.debug("Alerts after sync run {}: {} fired", finished.runId(), fired);
        } catch (RuntimeException e) {
            log.warn("Alert evaluation after sync run {} failed", finished.runId(), e);
        }
    }
}
