package com.campagne.plans.calendar;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskFixture;
import com.campagne.plans.tasks.TaskService;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.CalendarPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/** A planner reads a campaign's plan week by week, then finds the campaign in the agency's action calendar. */
class CalendarBrowserTest extends BrowserTest {

    @Autowired ApplicationContext context;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TaskService tasks;

    @Test
    void aPlanShowsItsFlightsWeekByWeekAndTheCampaignShowsInTheActionCalendar() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account account = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser owner = accounts.loadUserByUsername(account.email());
        TaskFixture fixture = new TaskFixture(context);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate end = start.plusWeeks(11).minusDays(1);
        var client = fixture.client(owner, "Boulangerie Martin " + suffix);
        Campaign campaign = fixture.campaign(owner, client.getId(), "Rentrée gourmande", start, end);
        MediaPlan plan = fixture.plan(owner, campaign.getId());
        List<PlanLineItem> lines = List.of(
                fixture.line(owner, plan.getId(), Channel.SOCIAL, "Meta · carrousel", start, start.plusDays(13), "1200"),
                fixture.line(owner, plan.getId(), Channel.SOCIAL, "Instagram · stories", start.plusDays(16),
                        start.plusDays(27), "900"),
                fixture.line(owner, plan.getId(), Channel.SEARCH, "Google Ads · marque", start, end, "2500"),
                fixture.line(owner, plan.getId(), Channel.DISPLAY, "Le Progrès · pavé", start.plusDays(23),
                        start.plusDays(34), "1800"),
                fixture.line(owner, plan.getId(), Channel.RADIO, "Radio Scoop · spot 30 s", start.plusDays(35),
                        start.plusDays(48), "3000"),
                fixture.line(owner, plan.getId(), Channel.RADIO, "RTL2 · matinale", start.plusDays(51), end, "4200"));
        as(owner, () -> {
            Task task = tasks.draft(campaign.getId());
            task.setTitle("Valider les spots radio");
            task.setDueDate(today);
            return tasks.save(task);
        });

        LoginPage.open(page).logIn(account.email(), account.password());
        CalendarPage gantt = CalendarPage.openCampaign(page, client.getId(), campaign.getId());
        assertThat(gantt.title()).isEqualTo("Calendrier de «\u00a0Rentrée gourmande\u00a0»");
        assertThat(gantt.groups()).containsExactly("Display", "Search (SEA)", "Social (SMA)", "Radio");
        assertThat(gantt.legend()).containsExactly("Display", "Search (SEA)", "Social (SMA)", "Radio");
        assertThat(gantt.bars().count()).isEqualTo(6);
        assertThat(gantt.periods()).hasSize(11).first().isEqualTo(weekLabel(start));
        assertThat(gantt.hasTodayMarker()).isTrue();
        for (PlanLineItem line : lines) {
            var bar = page.locator("#gantt-bar-" + line.getId());
            assertThat(bar.getAttribute("data-channel")).isEqualTo(line.getChannel().name());
            assertThat(bar.innerText()).startsWith(line.getPlacement() + " · ").endsWith("\u00a0€");
            // The bar begins in the week of its first day and ends in the week of its last day.
            BoundingBox box = bar.boundingBox();
            BoundingBox first = gantt.period(weekLabel(line.getStartDate()));
            BoundingBox last = gantt.period(weekLabel(line.getEndDate()));
            assertThat(box.x).as(line.getPlacement()).isBetween(first.x - 2, first.x + first.width);
            assertThat(box.x + box.width).as(line.getPlacement()).isBetween(last.x, last.x + last.width + 2);
        }
        assertThat(page.locator("#gantt-bar-" + lines.get(2).getId()).innerText())
                .isEqualTo("Google Ads · marque · 2\u202f500,00\u00a0€");
        screenshot(page, "calendar-fr-gantt");

        // On a draft version, a click on a bar moves the line's flight.
        PlanLineItem meta = lines.getFirst();
        gantt.moveLine(meta.getId(), start.plusDays(3), start.plusDays(20));
        assertThat(page.locator("#gantt-bar-" + meta.getId()).getAttribute("data-start"))
                .isEqualTo(start.plusDays(3).toString());
        assertThat(page.locator("#gantt-bar-" + meta.getId()).getAttribute("data-end"))
                .isEqualTo(start.plusDays(20).toString());

        CalendarPage calendar = CalendarPage.openTenant(page);
        assertThat(calendar.title()).isEqualTo("Calendrier des campagnes");
        assertThat(calendar.campaign(campaign.getId()).innerText())
                .isEqualTo("Rentrée gourmande · Boulangerie Martin " + suffix + " · Brouillon");
        assertThat(calendar.taskMarkers().count()).isEqualTo(1);
        // Six months hold the whole campaign: unfolded, it shows its six flights.
        calendar.range("Les 6 prochains mois").expand(campaign.getId());
        assertThat(calendar.rangeLabel()).startsWith("De ");
        assertThat(calendar.flights().count()).isEqualTo(6);
        screenshot(page, "calendar-fr-tenant");

        calendar.status("Approuvée");
        assertThat(calendar.isEmpty()).isTrue();
        assertThat(calendar.emptyText()).contains("Aucune campagne sur cette période", "Changez de période ou de filtres");
        calendar.status("Brouillon");
        calendar.campaign(campaign.getId()).click();
        page.waitForURL("**/campaigns/" + campaign.getId());
    }

    /** The heading of the ISO week holding {@code day}: "S12 · 17 mars" (its Monday). */
    static String weekLabel(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return "S" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " · "
                + monday.format(DateTimeFormatter.ofPattern("d MMM", Locale.FRENCH));
    }
}
