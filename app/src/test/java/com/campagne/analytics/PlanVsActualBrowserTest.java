package com.campagne.analytics;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.ui.Formats;
import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveService;
import com.campagne.plans.objectives.Perspective;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MediaPlanPage;
import com.campagne.support.pages.PlanVsActualSection;
import com.campagne.support.pages.ScorecardPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency whose client's demo connection is synced opens a campaign's media plan: below the totals, spend
 * against the plan with its forecast and each line against its linked network campaign; then the client's
 * scorecard shows each objective measured, with its status.
 */
class PlanVsActualBrowserTest extends BrowserTest {

    @Autowired ApplicationContext context;
    @Autowired AccountUserDetailsService accounts;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired ObjectiveService objectives;

    @Test
    void theMediaPlanShowsSpendAgainstThePlanAndTheScorecardItsMeasuredObjectives() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account account = signedUpOwner(TenantKind.AGENCY, "Agence Littoral " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser owner = accounts.loadUserByUsername(account.email());
        String clientName = "Boulangerie Martin " + suffix;
        DemoLinkedCampaign demo = DemoLinkedCampaign.create(context, owner, clientName, "Printemps gourmand");
        Map<String, Object> raw = demo.rawSums(dataSource, LocalDate.now(clock).minusDays(1));
        BigDecimal cost = (BigDecimal) raw.get("cost");
        BigDecimal clicks = new BigDecimal(raw.get("clicks").toString());
        BigDecimal impressions = new BigDecimal(raw.get("impressions").toString());
        // Ahead of its even pace (20 of 31 days for 140 % of today's clicks), already reached, behind its target
        // rate, and a whole-client objective created today (no complete day measured yet).
        objective(owner, demo, "Plus de clics sur les annonces", Perspective.CUSTOMER, Kpi.CLICKS,
                clicks.multiply(new BigDecimal("1.4")).setScale(0, RoundingMode.UP), true);
        objective(owner, demo, "Être vu largement", Perspective.CUSTOMER, Kpi.IMPRESSIONS,
                impressions.divide(BigDecimal.TWO, 0, RoundingMode.DOWN), true);
        objective(owner, demo, "Un coût par clic maîtrisé", Perspective.FINANCIAL, Kpi.CPC, new BigDecimal("0.05"),
                true);
        objective(owner, demo, "Plus de visites sur le site", Perspective.INTERNAL_PROCESS, Kpi.SESSIONS,
                new BigDecimal("50000"), false);

        LoginPage.open(page).logIn(account.email(), account.password());
        MediaPlanPage.open(page, "clients/" + demo.clientId() + "/campaigns/" + demo.campaignId() + "/plan");
        PlanVsActualSection pva = PlanVsActualSection.of(page);
        assertThat(pva.text()).contains("Prévu et réalisé", "Prévu à date", "Dépensé à date", "Rythme de dépense",
                "Prévision fin de campagne", "Par ligne du plan", "dernière journée complète");
        assertThat(pva.card("actual")).isEqualTo(Formats.money(cost, "EUR", Locale.FRENCH));
        assertThat(pva.card("pacing")).endsWith("\u00a0%");
        assertThat(pva.hasChart()).isTrue();
        assertThat(pva.chartSvg()).contains("Prévu cumulé", "Dépensé cumulé", "Prévision (rythme des 7 derniers jours)");
        assertThat(pva.unlinkedWarning()).startsWith("1 ligne sur 2 n’est reliée à aucune campagne réseau");
        assertThat(pva.lineRows()).hasSize(2);
        assertThat(pva.lineRows().get(0)).contains("Search (SEA) · Mots-clés marque", demo.networkCampaignName(),
                Formats.money(cost, "EUR", Locale.FRENCH));
        assertThat(pva.lineRows().get(1)).contains("Display · Rubrique Sport", "Non reliée", "—");
        assertThat(pva.kpiRows()).anySatisfy(row -> assertThat(row).startsWith("Impressions")
                .contains(KpiFormat.format(Kpi.IMPRESSIONS, impressions, "EUR", Locale.FRENCH)));
        // Tall enough for the whole panel: the app scrolls inside its layout, so a full-page picture stops at the fold.
        page.setViewportSize(1280, 2000);
        pva.panel().scrollIntoViewIfNeeded();
        screenshot(page, "plan-vs-actual-fr");
        page.setViewportSize(1280, 1400);

        page.navigate("clients/" + demo.clientId() + "/objectives");
        ScorecardPage scorecard = ScorecardPage.current(page);
        assertThat(scorecard.status("Plus de clics sur les annonces")).isEqualTo("En bonne voie");
        assertThat(scorecard.status("Être vu largement")).isEqualTo("Atteint");
        assertThat(scorecard.status("Un coût par clic maîtrisé")).isEqualTo("À risque");
        assertThat(scorecard.status("Plus de visites sur le site")).isEqualTo("Pas encore de données");
        assertThat(scorecard.cards("CUSTOMER")).anySatisfy(card -> assertThat(card)
                .contains("Plus de clics sur les annonces",
                        "Mesuré\u00a0: " + KpiFormat.format(Kpi.CLICKS, clicks, "EUR", Locale.FRENCH),
                        "Attendu à date\u00a0:", "Période suivie du "));
        assertThat(scorecard.cards("FINANCIAL")).singleElement().asString().contains("Mesuré\u00a0: "
                + KpiFormat.format(Kpi.CPC, cost.divide(clicks, 6, RoundingMode.HALF_UP), "EUR", Locale.FRENCH));
        screenshot(page, "scorecard-measured-fr");
    }

    private void objective(CampagneUser owner, DemoLinkedCampaign demo, String title, Perspective perspective, Kpi kpi,
                           BigDecimal target, boolean ofTheCampaign) {
        as(owner, () -> {
            Objective o = objectives.draft(demo.clientId());
            o.setTitle(title);
            o.setPerspective(perspective);
            o.setMetric(kpi);
            o.setTargetValue(target);
            o.setDeadline(demo.end());
            o.setCampaignId(ofTheCampaign ? demo.campaignId() : null);
            return objectives.save(o);
        });
    }
}
