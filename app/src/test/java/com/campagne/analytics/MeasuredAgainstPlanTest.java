package com.campagne.analytics;

import com.campagne.analytics.ObjectiveProgressService.Progress;
import com.campagne.analytics.ObjectiveProgressService.Status;
import com.campagne.analytics.PlanVsActualService.Detail;
import com.campagne.analytics.PlanVsActualService.KpiAgainstPlan;
import com.campagne.analytics.PlanVsActualService.LineActual;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.plans.objectives.ObjectiveService;
import com.campagne.plans.objectives.Perspective;
import com.campagne.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a real demo sync, a campaign whose plan line is linked to a synced network campaign: the scorecard's
 * measured values and the plan-versus-actual figures equal sums computed here straight from the raw facts.
 */
class MeasuredAgainstPlanTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired ObjectiveService objectives;
    @Autowired ObjectiveProgressService progress;
    @Autowired PlanVsActualService planVsActual;

    @Test
    void measuredValuesAreTheSumsOfTheRawFactsOfTheLinkedCampaign() throws Exception {
        CampagneUser owner = new ObjectiveFixture(context).owner("Agence Mesure " + UUID.randomUUID().toString()
                .substring(0, 6));
        DemoLinkedCampaign demo = DemoLinkedCampaign.create(context, owner, "Boulangerie Martin", "Printemps");
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        Map<String, Object> raw = demo.rawSums(dataSource, yesterday);
        BigDecimal rawCost = (BigDecimal) raw.get("cost");
        BigDecimal rawClicks = new BigDecimal(raw.get("clicks").toString());
        assertThat(rawCost).isPositive();
        assertThat(rawClicks).isPositive();

        UUID clicksId = as(owner, () -> save(demo, Kpi.CLICKS, rawClicks.multiply(BigDecimal.TEN), null,
                Perspective.CUSTOMER)).getId();
        UUID cpcId = as(owner, () -> save(demo, Kpi.CPC, new BigDecimal("0.01"), null, Perspective.FINANCIAL)).getId();
        // A whole-client objective created today has no complete day measured yet.
        UUID clientWideId = as(owner, () -> {
            Objective o = objectives.draft(demo.clientId());
            o.setTitle("Plus de visites");
            o.setPerspective(Perspective.CUSTOMER);
            o.setMetric(Kpi.SESSIONS);
            o.setTargetValue(new BigDecimal("5000"));
            o.setDeadline(demo.end());
            return objectives.save(o);
        }).getId();

        List<Progress> measured = as(owner, () -> progress.progress(demo.clientId(), null));
        Progress clicks = find(measured, clicksId);
        assertThat(clicks.measured()).isEqualByComparingTo(rawClicks);
        assertThat(clicks.from()).isEqualTo(demo.start());
        // 10 × what was clicked, expected evenly over 31 days, 20 of them complete: 10 × clicks × 20 ÷ 31.
        assertThat(clicks.expectedByNow()).isEqualByComparingTo(rawClicks.multiply(BigDecimal.valueOf(200))
                .divide(BigDecimal.valueOf(31), 6, RoundingMode.HALF_UP));
        assertThat(clicks.status()).isEqualTo(Status.AT_RISK);
        Progress cpc = find(measured, cpcId);
        assertThat(cpc.measured()).isEqualByComparingTo(rawCost.divide(rawClicks, 6, RoundingMode.HALF_UP));
        assertThat(cpc.status()).isEqualTo(Status.AT_RISK);
        assertThat(find(measured, clientWideId).status()).isEqualTo(Status.NO_DATA);
        // The campaign filter keeps only the campaign's objectives.
        assertThat(as(owner, () -> progress.progress(demo.clientId(), demo.campaignId())))
                .extracting(p -> p.objective().getId()).containsExactlyInAnyOrder(clicksId, cpcId);

        Detail detail = as(owner, () -> planVsActual.detail(demo.campaignId(), Locale.FRENCH)).orElseThrow();
        assertThat(detail.spend().cut()).isEqualTo(yesterday);
        assertThat(detail.spend().actualToDate()).isEqualByComparingTo(rawCost);
        assertThat(detail.unlinkedLines()).isEqualTo(1);
        LineActual linked = detail.lines().stream().filter(l -> l.line().getId().equals(demo.linkedLineId()))
                .findFirst().orElseThrow();
        assertThat(linked.actualToDate()).isEqualByComparingTo(rawCost);
        assertThat(linked.linked().name()).isEqualTo(demo.networkCampaignName());
        // The line's cost, 20 of its 31 days to date.
        BigDecimal plannedToDate = linked.plannedCost().multiply(BigDecimal.valueOf(20))
                .divide(BigDecimal.valueOf(31), 6, RoundingMode.HALF_UP);
        assertThat(linked.plannedToDate()).isEqualByComparingTo(plannedToDate);
        assertThat(linked.pacing()).isEqualByComparingTo(rawCost.multiply(BigDecimal.valueOf(100))
                .divide(plannedToDate, 2, RoundingMode.HALF_UP));
        LineActual other = detail.lines().stream().filter(l -> !l.line().getId().equals(demo.linkedLineId()))
                .findFirst().orElseThrow();
        assertThat(other.actualToDate()).isNull();
        assertThat(other.pacing()).isNull();
        KpiAgainstPlan impressions = detail.kpis().stream().filter(k -> k.kpi() == Kpi.IMPRESSIONS).findFirst()
                .orElseThrow();
        assertThat(impressions.measured()).isEqualByComparingTo(new BigDecimal(raw.get("impressions").toString()));
        // Planned impressions of the linked line only: its CPM volume.
        assertThat(impressions.planned()).isEqualByComparingTo(linked.line().getPlannedImpressions());
    }

    private Objective save(DemoLinkedCampaign demo, Kpi kpi, BigDecimal target, BigDecimal baseline,
                           Perspective perspective) {
        Objective o = objectives.draft(demo.clientId());
        o.setTitle(kpi.name() + " de la campagne");
        o.setPerspective(perspective);
        o.setMetric(kpi);
        o.setTargetValue(target);
        o.setBaseline(baseline);
        o.setDeadline(demo.end());
        o.setCampaignId(demo.campaignId());
        return objectives.save(o);
    }

    private static Progress find(List<Progress> list, UUID id) {
        return list.stream().filter(p -> p.objective().getId().equals(id)).findFirst().orElseThrow();
    }
}
