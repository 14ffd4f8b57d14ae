package com.campagne.analytics.alerts;

import com.campagne.analytics.alerts.AlertService.AlertNotFoundException;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.tasks.TaskFixture;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another tenant sees none of a tenant's alert rules or alerts, and can neither acknowledge, snooze nor edit them. */
class AlertIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DataSource data;
    @Autowired AlertService alerts;
    @Autowired AlertEvaluator evaluator;

    @Test
    void anotherTenantSeesAndTouchesNoneOfTheAlertsOrRules() {
        TaskFixture tasks = new TaskFixture(context);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CampagneUser a = tasks.owner("Agence Alpha " + suffix, "Alice Alpha");
        CampagneUser b = tasks.owner("Agence Bêta " + suffix, "Bruno Bêta");
        AlertTenantFixture.expiringConnection(context, a, "Client d’Alpha", "Google Ads Alpha");
        UUID tenantA = a.tenant().tenantId();
        UUID tenantB = b.tenant().tenantId();

        List<AlertService.AlertView> seenByA = as(a, () -> alerts.list(false));
        assertThat(seenByA).singleElement().satisfies(v -> assertThat(v.event().getKind()).isEqualTo(AlertKind.TOKEN_EXPIRING));
        UUID eventOfA = seenByA.getFirst().event().getId();
        UUID ruleOfA = as(a, () -> alerts.rules()).getFirst().getId();

        // B's own evaluation and screens: nothing of A's.
        evaluator.evaluate(tenantB);
        assertThat(as(b, () -> alerts.openCount())).isZero();
        assertThat(as(b, () -> alerts.list(false))).isEmpty();
        assertThat(as(b, () -> alerts.list(true))).isEmpty();
        assertThat(as(b, () -> alerts.rules())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getTenantId()).isEqualTo(tenantB))
                .noneSatisfy(r -> assertThat(r.getId()).isEqualTo(ruleOfA));

        // A's ids, known somehow, are not found for B: nothing changes.
        assertThatThrownBy(() -> as(b, () -> alerts.acknowledge(eventOfA))).isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> as(b, () -> alerts.snooze(eventOfA, 7))).isInstanceOf(AlertNotFoundException.class);
        assertThatThrownBy(() -> as(b, () -> alerts.update(ruleOfA, new BigDecimal("1"), false, false)))
                .isInstanceOf(AlertNotFoundException.class);
        Map<String, Object> stillOpen = TenantSql.one(data, tenantA, "select acknowledged_at, snoozed_until from alert_events where id = ?", eventOfA);
        assertThat(stillOpen.get("acknowledged_at")).isNull();
        assertThat(stillOpen.get("snoozed_until")).isNull();
        assertThat(TenantSql.one(data, tenantA, "select enabled from alert_rules where id = ?", ruleOfA).get("enabled"))
                .isEqualTo(true);

        // Row-level security: in B's scope, A's rows do not exist, even asked for by tenant.
        assertThat(TenantSql.query(data, tenantB, "select id from alert_events where tenant_id = ?", tenantA)).isEmpty();
        assertThat(TenantSql.query(data, tenantB, "select id from alert_rules where tenant_id = ?", tenantA)).isEmpty();
        assertThat(TenantSql.query(data, null, "select id from alert_events")).isEmpty();
        // B's evaluation did not resolve A's alert either.
        assertThat(as(a, () -> alerts.list(false))).singleElement()
                .satisfies(v -> assertThat(v.event().getId()).isEqualTo(eventOfA));
    }
}
