package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorKind;
import com.campagne.plans.vendors.VendorRate;
import com.campagne.plans.vendors.VendorRateRepository;
import com.campagne.plans.vendors.VendorRepository;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.CalendarPage;
import com.microsoft.playwright.Page;
import com.campagne.support.pages.MediaPlanPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.CampaignFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner builds a campaign's media plan in French: lines across channels (one from a vendor's rate
 * card), totals and the over-budget warning, a negotiated version compared with the first, the proposal.
 * Also how the editor copes with a 500-line plan.
 */
class MediaPlanBrowserTest extends BrowserTest {

    /** French money: narrow no-break space between thousands, no-break space before the euro sign. */
    static String euros(String amount) {
        return amount.replace(' ', '\u202f') + "\u00a0€";
    }

    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired VendorRepository vendors;
    @Autowired VendorRateRepository rates;
    @Autowired Clock clock;

    record Seeded(CampagneUser user, UUID client, UUID campaign) {
        String path() {
            return "/clients/" + client + "/campaigns/" + campaign;
        }
    }

    private Seeded campaignOf(Account owner, String clientName) {
        CampagneUser user = accounts.loadUserByUsername(owner.email());
        UUID client = as(user, () -> clients.save(new Client(clientName))).getId();
        UUID campaign = as(user, () -> campaigns.save(valid(campaigns, client, "Printemps gourmand"))).getId();
        return new Seeded(user, client, campaign);
    }

    @Test
    void aPlannerBuildsComparesAndProposesAMediaPlan() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        Seeded seeded = campaignOf(owner, "Boulangerie Martin " + suffix);
        transactions.inScope(TenantContext.Scope.tenant(seeded.user().tenant().tenantId()), () -> {
            Vendor progres = vendors.save(new Vendor("Le Progrès", VendorKind.SUPPORT, clock.instant()));
            VendorRate home = new VendorRate(progres.getId());
            home.setChannel(Channel.DISPLAY);
            home.setPlacement("Page d’accueil");
            home.setFormat("Medium rectangle 300×250");
            home.setBuyingModel(BuyingModel.CPM);
            home.setPrice(new BigDecimal("10.00"));
            home.setCurrency("EUR");
            rates.save(home);
        });

        LoginPage.open(page).logIn(owner.email(), owner.password());
        page.navigate(seeded.path());
        page.locator("#campaign-plan").click();
        MediaPlanPage plan = MediaPlanPage.current(page);
        assertThat(plan.title()).isEqualTo("Plan média — Printemps gourmand");
        assertThat(plan.subtitle()).contains("Boulangerie Martin", "du 1 mars 2027 au 31 mars 2027", euros("12 500,50"));
        assertThat(plan.version()).isEqualTo("v1 · Brouillon");
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.emptyText()).contains("Ajoutez la première ligne\u00a0: canal, support, mode d’achat");

        // A display line from the vendor's rate card: 10 € CPM, -20 % then -10 %, 150 000 impressions.
        plan.addLine().vendor("Le Progrès").applyRate().discounts("20 ; 10").volume("150 000");
        assertThat(plan.volumeLabel()).isEqualTo("Impressions prévues");
        assertThat(plan.preview()).isEqualTo("Remise effective 28\u00a0% · prix net " + euros("7,20")
                + " · coût de la ligne " + euros("1 080,00"));
        plan.saveLine();
        assertThat(plan.lineFormOpen()).isFalse();
        assertThat(plan.card("media")).isEqualTo(euros("1 080,00"));

        // A search line with a volume that is not a number: said under the field, with the other errors.
        plan.addLine().buyingModel("CPC (coût par clic)").price("0,80").volume("cinq mille").saveLine();
        assertThat(plan.error("line-volume")).isEqualTo("Saisissez un nombre, par exemple 1\u00a0234,56.");
        assertThat(plan.error("line-channel")).isEqualTo("Choisissez le canal.");
        assertThat(plan.volumeLabel()).isEqualTo("Clics prévus");
        plan.channel("Search (SEA)").placement("Mots-clés boulangerie Lyon").volume("5 000").saveLine();
        assertThat(plan.lineFormOpen()).isFalse();

        // A press page at a flat fee: no volume.
        plan.addLine().channel("Presse").buyingModel("Forfait");
        assertThat(plan.volumeShown()).isFalse();
        plan.placement("Lyon Plus, page 3").format("Page presse").price("9 000").saveLine();
        assertThat(plan.lineFormOpen()).isFalse();

        // 1 080 + 4 000 + 9 000 = 14 080 € for a budget of 12 500,50 €.
        assertThat(plan.card("media")).isEqualTo(euros("14 080,00"));
        assertThat(plan.card("total")).isEqualTo(euros("14 080,00"));
        assertThat(plan.card("remaining")).isEqualTo("-" + euros("1 579,50"));
        assertThat(plan.overBudget()).isEqualTo("Dépassement du budget de " + euros("1 579,50"));
        assertThat(plan.cells()).contains("Display", "Le Progrès", "Page d’accueil", "CPM", euros("10,00"),
                "-20\u00a0% puis -10\u00a0%", euros("7,20"), "150\u202f000", euros("1 080,00"),
                "Search (SEA)", "Presse", "Forfait", euros("9 000,00"), euros("14 080,00"));
        assertThat(plan.totals()).contains("Par canal", "Presse", euros("9 000,00"), "63,9\u00a0%", "Par support",
                "Le Progrès", "Par mois", "Mars 2027", euros("14 080,00"));
        plan.dismissNotifications();
        page.locator("#plan-lines").scrollIntoViewIfNeeded();
        screenshot(page, "plan-fr-editor");

        // A negotiated version: the press page drops to 8 000 €, back within budget.
        plan.newVersion("négociée");
        assertThat(plan.version()).isEqualTo("v2 — négociée · Brouillon");
        plan.editLine("Lyon Plus, page 3").price("8 000").saveLine();
        assertThat(plan.card("media")).isEqualTo(euros("13 080,00"));
        assertThat(plan.overBudget()).isEqualTo("Dépassement du budget de " + euros("579,50"));
        plan.compare();
        assertThat(plan.compareDifference()).isEqualTo("Total général\u00a0: " + euros("14 080,00") + " en v1, "
                + euros("13 080,00") + " en v2 — négociée (-" + euros("1 000,00") + ")");
        List<String> compared = plan.compareCells();
        assertThat(compared).contains("Modifiée", "Identique", "Presse");
        assertThat(String.join("\n", compared)).contains("Prix du tarif (avant remises)\u00a0:", euros("9 000,00"),
                euros("8 000,00"));
        plan.dismissNotifications();
        screenshot(page, "plan-fr-compare");
        plan.closeCompare();

        plan.propose();
        assertThat(plan.status()).isEqualTo("Proposée au client");
        assertThat(plan.lockedBanner()).startsWith("Version proposée au client");
        assertThat(plan.canAddLines()).isFalse();
        assertThat(as(seeded.user(), () -> campaigns.find(seeded.campaign())).orElseThrow().getStatus())
                .isEqualTo(CampaignStatus.PROPOSED);
    }

    @Test
    void theEditorAndTheCampaignCalendarSpeakEnglish() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Riverside Agency " + suffix, "Claire Morel", Locale.ENGLISH);
        Seeded seeded = campaignOf(owner, "Martin Bakery " + suffix);
        seedLines(seeded, 2);
        Page english = newPage("en-GB");
        LoginPage.open(english).logIn(owner.email(), owner.password());
        english.navigate(seeded.path() + "/plan");
        MediaPlanPage plan = new MediaPlanPage(english);
        plan.waitForCell("Emplacement 1");
        plan.waitForVaadin();
        assertThat(plan.title()).isEqualTo("Media plan — Printemps gourmand");
        assertThat(plan.version()).isEqualTo("v1 · Draft");
        // 7,20 € the thousand × (1 000 + 2 000) impressions, written the British way.
        assertThat(plan.card("media")).isEqualTo("€21.60");
        assertThat(plan.cells()).contains("Search (SEA)", "Social (paid social)", "-20% then -10%");
        screenshot(english, "plan-en-editor");

        english.navigate(seeded.path() + "/calendar");
        CalendarPage calendar = new CalendarPage(english);
        calendar.waitForVaadin();
        assertThat(calendar.title()).isEqualTo("Calendar of \"Printemps gourmand\"");
        assertThat(calendar.groups()).contains("Search (SEA)", "Social (paid social)");
        // Dates the British way, as everywhere else in English.
        assertThat(english.locator("body").innerText()).contains("From 1 Mar 2027 to 31 Mar 2027");
        screenshot(english, "calendar-en-gantt");
    }

    @Test
    void aPlanOf500LinesOpensAndChangesQuickly() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Grande " + suffix, "Paul Girard", Locale.FRENCH);
        Seeded large = campaignOf(owner, "Grande Surface " + suffix);
        Seeded small = campaignOf(owner, "Épicerie Fine " + suffix);
        seedLines(large, 500);
        seedLines(small, 6);
        LoginPage.open(page).logIn(owner.email(), owner.password());

        // The same two steps on a 6-line plan first, as the baseline of this very run and machine.
        long[] baseline = openThenEdit(small);
        long[] measured = openThenEdit(large);
        MediaPlanPage editor = new MediaPlanPage(page);
        System.out.printf(Locale.ROOT, "PLAN500 open_ms=%d edit_ms=%d baseline6_open_ms=%d baseline6_edit_ms=%d"
                        + " open_ratio=%.2f edit_ratio=%.2f%n", measured[0], measured[1], baseline[0], baseline[1],
                (double) measured[0] / baseline[0], (double) measured[1] / baseline[1]);

        // Line 1 went from 1 000 to 2 000 000 impressions at 7,20 € the thousand: +14 392,80 €.
        // Before: 7,20 € × (1 + … + 500) = 7,20 × 125 250 = 901 800 €.
        assertThat(measured[2]).isEqualTo(901_800_00L);
        assertThat(editor.card("media")).isEqualTo(euros("916 192,80"));
        // The planned impressions follow the new volume (they were derived from it, not typed).
        assertThat(editor.cells()).contains("Emplacement 1", "2\u202f000\u202f000").doesNotContain("1\u202f000");
        editor.dismissNotifications();
        screenshot(page, "plan-fr-500");
    }

    private void seedLines(Seeded seeded, int count) {
        MediaPlan plan = as(seeded.user(), () -> plans.latestOrCreate(seeded.campaign()));
        Channel[] channels = Channel.values();
        as(seeded.user(), () -> {
            for (int i = 1; i <= count; i++) {
                PlanLineItem line = MediaPlanServiceTest.cpmLine(plans, plan.getId(), "Emplacement " + i);
                line.setChannel(channels[i % channels.length]);
                line.setVolume(BigDecimal.valueOf(1000L * i));
                plans.saveLine(line);
            }
        });
    }

    /**
     * Opens the plan until its first line shows, then edits line 1 (volume 2 000 000) until the media cost card
     * changes: milliseconds of each, and the media cost before the edit in cents.
     */
    private long[] openThenEdit(Seeded seeded) {
        long start = System.nanoTime();
        page.navigate(seeded.path() + "/plan");
        MediaPlanPage editor = new MediaPlanPage(page);
        editor.waitForCell("Emplacement 1");
        editor.waitForVaadin();
        long openMs = (System.nanoTime() - start) / 1_000_000;
        String before = editor.card("media");

        start = System.nanoTime();
        editor.editLine("Emplacement 1").volume("2 000 000").saveLine();
        page.waitForFunction("old => document.querySelector('#plan-card-media .plan-card-value').innerText.trim() !== old",
                before);
        long editMs = (System.nanoTime() - start) / 1_000_000;
        return new long[]{openMs, editMs, Long.parseLong(before.replaceAll("[^0-9]", ""))};
    }
}
