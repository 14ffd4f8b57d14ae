package com.campagne.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When scheduled reports go out and what they cover, in the organisation's time zone: weekly on Monday for
 * the Monday–Sunday before, monthly on the 1st for the month before, end of campaign the day after its last
 * day for its whole period. Reports leave at 06:00, when the night's syncs have brought yesterday's figures.
 */
final class ReportCalendar {

    static final LocalTime SEND_AT = LocalTime.of(6, 0);

    private ReportCalendar() {
    }

    /** The period a run on {@code runDay} reports on (campaign dates for an end-of-campaign report). */
    record Period(LocalDate from, LocalDate to) {
    }

    static Period periodFor(ReportKind kind, LocalDate runDay, LocalDate campaignStart, LocalDate campaignEnd) {
        return switch (kind) {
            case WEEKLY -> {
                LocalDate monday = runDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new Period(monday, monday.plusDays(6));
            }
            case MONTHLY -> {
                LocalDate first = runDay.withDayOfMonth(1).minusMonths(1);
                yield new Period(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case END_OF_CAMPAIGN -> new Period(campaignStart, campaignEnd);
            case ON_DEMAND -> throw new IllegalArgumentException("an on-demand report has no calendar");
        };
    }

    /**
     * The first run strictly after {@code after}; for an end of campaign, the day after its end even if that
     * is past (an ended campaign's bilan is due at once), null when the campaign has no end date.
     */
    static Instant nextRun(ReportKind kind, Instant after, ZoneId zone, LocalDate campaignEnd) {
        ZonedDateTime now = after.atZone(zone);
        LocalDate day = switch (kind) {
            case WEEKLY -> {
                LocalDate monday = now.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                yield monday.atTime(SEND_AT).atZone(zone).isAfter(now) ? monday : monday.plusWeeks(1);
            }
            case MONTHLY -> {
                LocalDate first = now.toLocalDate().withDayOfMonth(1);
                yield first.atTime(SEND_AT).atZone(zone).isAfter(now) ? first : first.plusMonths(1);
            }
            case END_OF_CAMPAIGN -> campaignEnd == null ? null : campaignEnd.plusDays(1);
            case ON_DEMAND -> null;
        };
        if (day == null) {
            return null;
        }
        return day.atTime(SEND_AT).atZone(zone).toInstant();
    }
}
