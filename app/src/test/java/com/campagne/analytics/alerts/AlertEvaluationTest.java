package com.campagne.analytics.alerts;

import com.campagne.analytics.alerts.AlertFixture.World;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TestEnvironment;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real demo sync, then the rules: the spend-pacing alert fires after the next sync (on the sync's own thread,
 * once its end is committed), is mailed once to the owner in French, stays one alert however often it is
 * evaluated again, keeps quiet while snoozed, leaves the bell when acknowledged, resolves itself when the
 * condition clears and fires anew when it comes back. Connection alerts come from the connection's state.
 */
class AlertEvaluationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DataSource data;
    @Autowired AlertEvaluator evaluator;
    @Autowired AlertService alerts;

    @Test
    void aRuleFiresAfterTheSyncOnceMailedOnceAndFollowsItsCondition() throws Exception {
        AlertFixture fixture = new AlertFixture(context);
        World w = fixture.world("Agence Vigie " + UUID.randomUUID().toString().substring(0, 6), "Boulangerie Martin",
                "Printemps gourmand");
        // Nothing campaign-related yet: the first sync came before the campaign existed.
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING)).isEmpty();

        fixture.syncAndWait(w.owner(), w.connection().getId(), 2);
        Map<String, Object> fired = AlertFixture.waitForActive(data, w.tenantId(), AlertKind.SPEND_PACING);
        assertThat(fired.get("campaign_id")).isEqualTo(w.campaign().getId());
        assertThat(fired.get("client_id")).isEqualTo(w.client().getId());
        assertThat(fired.get("subject_key")).isEqualTo("SPEND_PACING:" + w.campaign().getId());
        assertThat((String) fired.get("message")).startsWith("«\u00a0Printemps gourmand\u00a0»\u00a0: dépenses à ")
                .contains("du plan à date (seuil 120,00");
        assertThat((String) fired.get("message_en")).startsWith("\"Printemps gourmand\": spend at ");
        assertThat(as(w.owner(), () -> alerts.openCount())).isGreaterThanOrEqualTo(1);
        assertThat(as(w.owner(), () -> alerts.list(false))).anySatisfy(a -> {
            assertThat(a.event().getId()).isEqualTo(fired.get("id"));
            assertThat(a.clientName()).isEqualTo("Boulangerie Martin");
            assertThat(a.campaignName()).isEqualTo("Printemps gourmand");
        });

        // One mail, in the owner's language, telling what and where to act.
        List<MimeMessage> mails = pacingMails(w.owner().email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Alerte Campagne\u00a0: Dépenses en avance sur le plan");
        assertThat(mails.getFirst().getContent().toString()).contains("Printemps gourmand", "/alerts");

        // Evaluated again (daily run, another sync): still one alert, seen later, no second mail.
        evaluator.evaluate(w.tenantId());
        List<Map<String, Object>> again = AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING);
        assertThat(again).hasSize(1);
        assertThat(instant(again.getFirst().get("last_seen_at"))).isAfter(instant(fired.get("fired_at")));
        assertThat(pacingMails(w.owner().email())).hasSize(1);

        // Snoozed for a day: off the bell and the list, still the same alert, still no mail.
        UUID id = (UUID) fired.get("id");
        long before = as(w.owner(), () -> alerts.openCount());
        as(w.owner(), () -> alerts.snooze(id, 1));
        assertThat(as(w.owner(), () -> alerts.openCount())).isEqualTo(before - 1);
        assertThat(as(w.owner(), () -> alerts.list(false))).noneSatisfy(a -> assertThat(a.event().getId()).isEqualTo(id));
        assertThat(as(w.owner(), () -> alerts.list(true))).anySatisfy(a -> assertThat(a.event().getId()).isEqualTo(id));
        evaluator.evaluate(w.tenantId());
        Map<String, Object> snoozed = AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING).getFirst();
        assertThat(instant(snoozed.get("snoozed_until"))).isCloseTo(Instant.now().plus(1, ChronoUnit.DAYS),
                org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING)).hasSize(1);
        assertThat(pacingMails(w.owner().email())).hasSize(1);

        // Acknowledged by the owner: recorded with who did it.
        as(w.owner(), () -> alerts.acknowledge(id));
        Map<String, Object> acknowledged = AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING).getFirst();
        assertThat(acknowledged.get("acknowledged_at")).isNotNull();
        assertThat(acknowledged.get("acknowledged_by")).isEqualTo(w.owner().tenant().membershipId());

        // No longer watched (the rule switched off), the alert resolves itself.
        AlertRule pacing = as(w.owner(), () -> alerts.rules()).stream()
                .filter(r -> r.getKind() == AlertKind.SPEND_PACING).findFirst().orElseThrow();
        as(w.owner(), () -> alerts.update(pacing.getId(), new BigDecimal("120"), false, true));
        evaluator.evaluate(w.tenantId());
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING)).singleElement()
                .satisfies(e -> assertThat(e.get("resolved_at")).isNotNull());

        // Watched again, the condition holds: a new alert, and a new mail.
        as(w.owner(), () -> alerts.update(pacing.getId(), new BigDecimal("120"), true, true));
        assertThat(evaluator.evaluate(w.tenantId())).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> both = AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).get("resolved_at")).isNull();
        assertThat(pacingMails(w.owner().email())).hasSize(2);

        // A campaign's own disabled rule silences it, whatever the tenant-wide rule says.
        as(w.owner(), () -> {
            AlertRule own = alerts.add(AlertKind.SPEND_PACING, null, w.campaign().getId(), new BigDecimal("120"));
            return alerts.update(own.getId(), new BigDecimal("120"), false, true);
        });
        evaluator.evaluate(w.tenantId());
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.SPEND_PACING))
                .allSatisfy(e -> assertThat(e.get("resolved_at")).isNotNull());
    }

    @Test
    void aTokenAboutToExpireAndAFailedLastSyncRaiseConnectionAlerts() throws Exception {
        AlertFixture fixture = new AlertFixture(context);
        World w = fixture.world("Agence Relais " + UUID.randomUUID().toString().substring(0, 6), "Garage Central",
                "Vidange d’automne");
        UUID connection = w.connection().getId();
        AlertFixture.update(context, w.tenantId(), "update connections set credentials_expire_at = ? where id = ?",
                OffsetDateTime.now().plusDays(3), connection);
        // The last run failed (as a broken token would make it).
        AlertFixture.update(context, w.tenantId(), "update sync_runs set status = 'FAILED', message = ?,"
                        + " message_en = ? where id = (select id from sync_runs where connection_id = ?"
                        + " order by ended_at desc limit 1)",
                "Accès refusé par le réseau.", "Access denied by the network.", connection);
        evaluator.evaluate(w.tenantId());

        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.TOKEN_EXPIRING)).singleElement().satisfies(e -> {
            assertThat(e.get("connection_id")).isEqualTo(connection);
            assertThat((String) e.get("message")).startsWith("L’accès de la connexion «\u00a0Démo\u00a0» (Garage Central) expire le ");
        });
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.CONNECTION_FAILING)).singleElement()
                .satisfies(e -> {
                    assertThat((String) e.get("message")).endsWith("synchronisation\u00a0: Accès refusé par le réseau.");
                    assertThat((String) e.get("message_en")).endsWith("last sync: Access denied by the network.");
                });

        // The token renewed far ahead: that alert resolves; the failure stays until a run succeeds.
        AlertFixture.update(context, w.tenantId(), "update connections set credentials_expire_at = ? where id = ?",
                OffsetDateTime.now().plusDays(60), connection);
        evaluator.evaluate(w.tenantId());
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.TOKEN_EXPIRING)).singleElement()
                .satisfies(e -> assertThat(e.get("resolved_at")).isNotNull());
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.CONNECTION_FAILING)).singleElement()
                .satisfies(e -> assertThat(e.get("resolved_at")).isNull());
        fixture.syncAndWait(w.owner(), connection, 2);
        for (int i = 0; i < 100 && AlertFixture.events(data, w.tenantId(), AlertKind.CONNECTION_FAILING).getFirst()
                .get("resolved_at") == null; i++) {
            Thread.sleep(300);
        }
        assertThat(AlertFixture.events(data, w.tenantId(), AlertKind.CONNECTION_FAILING)).singleElement()
                .satisfies(e -> assertThat(e.get("resolved_at")).isNotNull());
    }

    private static List<MimeMessage> pacingMails(String to) {
        return Arrays.stream(TestEnvironment.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress()
                        .equalsIgnoreCase(to)) && m.getSubject().contains("Dépenses en avance sur le plan");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }
}
