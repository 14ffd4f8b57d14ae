package com.campagne.plans.objectives;

import com.campagne.analytics.Kpi;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.CampaignException;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** SMART objectives: every broken rule reported at once, the direction rule, campaigns of the client only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectiveServiceTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired ClientService clients;
    @Autowired ObjectiveService service;
    @Autowired Clock clock;

    ObjectiveFixture fixture;
    CampagneUser owner;
    CampagneUser contributor;
    CampagneUser viewer;
    UUID client;
    UUID otherClient;
    UUID campaign;
    UUID otherClientsCampaign;
    LocalDate today;

    @BeforeAll
    void organisation() {
        fixture = new ObjectiveFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        owner = fixture.owner("Agence Objectifs " + run);
        client = as(owner, () -> clients.save(new Client("Menuiserie Dubois " + run))).getId();
        otherClient = as(owner, () -> clients.save(new Client("Garage Central " + run))).getId();
        campaign = as(owner, () -> fixture.campaign(client, "Salon de l’habitat")).getId();
        otherClientsCampaign = as(owner, () -> fixture.campaign(otherClient, "Révision d’hiver")).getId();
        contributor = fixture.member(owner, Role.CONTRIBUTOR, "Chloé", null);
        viewer = fixture.member(owner, Role.CLIENT_VIEWER, "Victor", client);
        // The tenant's zone (Europe/Paris by default) decides what "today" is.
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
    }

    private Objective valid(String title) {
        Objective o = service.draft(client);
        o.setTitle(title);
        o.setPerspective(Perspective.CUSTOMER);
        o.setMetric(Kpi.CONVERSIONS);
        o.setBaseline(new BigDecimal("40"));
        o.setTargetValue(new BigDecimal("80"));
        o.setDeadline(today.plusMonths(3));
        return o;
    }

    private Map<String, String> errorsOf(Objective o) {
        try {
            as(owner, () -> service.save(o));
        } catch (CampaignException e) {
            return e.errors();
        }
        throw new AssertionError("saved although invalid");
    }

    @Test
    void everyBrokenSmartRuleIsReportedAtOnce() {
        Objective empty = as(owner, () -> service.draft(client));
        assertThat(errorsOf(empty)).containsExactly(
                entry("title", "objectives.error.title.required"),
                entry("perspective", "objectives.error.perspective.required"),
                entry("metric", "objectives.error.metric.required"),
                entry("target", "objectives.error.target.required"),
                entry("deadline", "objectives.error.deadline.required"));

        Objective wrong = as(owner, () -> valid("x".repeat(301)));
        wrong.setMetric(Kpi.CTR);
        wrong.setTargetValue(new BigDecimal("150"));
        wrong.setBaseline(new BigDecimal("-1"));
        wrong.setDeadline(today.minusDays(1));
        assertThat(errorsOf(wrong)).containsExactly(
                entry("title", "objectives.error.title.size"),
                entry("target", "objectives.error.value.percent"),
                entry("baseline", "objectives.error.value.percent"),
                entry("deadline", "objectives.error.deadline.past"));

        Objective money = as(owner, () -> valid("Coût maîtrisé"));
        money.setMetric(Kpi.CPA);
        money.setBaseline(null);
        money.setTargetValue(new BigDecimal("-5"));
        money.setDeadline(today);
        assertThat(errorsOf(money)).containsExactly(entry("target", "objectives.error.value.money"));
    }

    @Test
    void theTargetMovesFromTheBaselineInTheDirectionThatCounts() {
        Objective fewerConversions = as(owner, () -> valid("Plus de devis"));
        fewerConversions.setTargetValue(new BigDecimal("30"));
        assertThat(errorsOf(fewerConversions)).containsExactly(entry("target", "objectives.error.target.higher"));

        Objective dearerLeads = as(owner, () -> valid("Des devis moins chers"));
        dearerLeads.setMetric(Kpi.CPA);
        dearerLeads.setBaseline(new BigDecimal("40"));
        dearerLeads.setTargetValue(new BigDecimal("55.50"));
        assertThat(errorsOf(dearerLeads)).containsExactly(entry("target", "objectives.error.target.lower"));

        Objective standStill = as(owner, () -> valid("Rien ne bouge"));
        standStill.setTargetValue(new BigDecimal("40.00"));
        assertThat(errorsOf(standStill)).containsExactly(entry("target", "objectives.error.target.sameAsBaseline"));

        // Lower is better for the bounce rate: from 62 % down to 45 % is progress.
        Objective bounce = as(owner, () -> valid("Un site qui retient"));
        bounce.setPerspective(Perspective.INTERNAL_PROCESS);
        bounce.setMetric(Kpi.BOUNCE_RATE);
        bounce.setBaseline(new BigDecimal("62"));
        bounce.setTargetValue(new BigDecimal("45.5"));
        Objective saved = as(owner, () -> service.save(bounce));
        assertThat(saved.getTargetValue()).isEqualByComparingTo("45.5");
        assertThat(Kpi.BOUNCE_RATE.higherIsBetter()).isFalse();
        assertThat(Kpi.ROAS.higherIsBetter()).isTrue();
    }

    @Test
    void aCampaignMustBelongToTheClientAndListsFilterByCampaign() {
        Objective elsewhere = as(owner, () -> valid("Rendez-vous au salon"));
        elsewhere.setCampaignId(otherClientsCampaign);
        assertThat(errorsOf(elsewhere)).containsExactly(entry("campaign", "objectives.error.campaign.otherClient"));

        Objective atTheShow = as(owner, () -> valid("Rendez-vous au salon"));
        atTheShow.setCampaignId(campaign);
        atTheShow.setNotes("  Stand B12  ");
        UUID showId = as(owner, () -> service.save(atTheShow)).getId();
        UUID clientWide = as(owner, () -> service.save(valid("Notoriété locale"))).getId();

        assertThat(as(owner, () -> service.list(client, campaign))).extracting(Objective::getId).containsExactly(showId);
        assertThat(as(owner, () -> service.list(client, null))).extracting(Objective::getId).contains(showId, clientWide);
        Objective stored = as(owner, () -> service.find(showId)).orElseThrow();
        assertThat(stored.getNotes()).isEqualTo("Stand B12");
        assertThat(stored.getOwnerId()).isEqualTo(owner.tenant().membershipId());
        assertThat(stored.getCreatedAt()).isNotNull();

        // An update may keep a deadline that has passed since: only a new objective must look ahead.
        stored.setTitle("Rendez-vous pris au salon");
        stored.setDeadline(today.minusDays(10));
        Objective updated = as(owner, () -> service.save(stored));
        assertThat(updated.getTitle()).isEqualTo("Rendez-vous pris au salon");
        assertThat(updated.getDeadline()).isEqualTo(today.minusDays(10));

        as(contributor, () -> service.delete(clientWide));
        assertThat(as(owner, () -> service.find(clientWide))).isEmpty();
    }

    @Test
    void aClientViewerReadsButWritesNothing() {
        UUID id = as(owner, () -> service.save(valid("Avis clients"))).getId();
        as(viewer, () -> {
            assertThat(service.list(client, null)).extracting(Objective::getId).contains(id);
            assertThat(service.find(id)).isPresent();
            assertThatThrownBy(() -> service.list(otherClient, null))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThatThrownBy(() -> service.draft(client)).isInstanceOf(AccessDeniedException.class);
            Objective mine = service.find(id).orElseThrow();
            mine.setTitle("Changé par le client");
            assertThatThrownBy(() -> service.save(mine)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.delete(id)).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(as(owner, () -> service.find(id)).orElseThrow().getTitle()).isEqualTo("Avis clients");
    }
}
