package com.campagne.plugins.demo;

import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.plugins.demo.DemoProfile.AdPlan;
import com.campagne.plugins.demo.DemoProfile.EmailPlan;
import com.campagne.plugins.demo.DemoProfile.Timing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo figures of one profile over one history, as pure functions of (seed, profile, history,
 * day, campaign): the same question always gets the same answer, whatever the order of reading.
 * The history starts on {@code start} and is planned over {@code historyDays}: its events sit at
 * fixed points of that plan — a campaign launched in the middle, one paused three weeks before the
 * planned end, a spend spike at 70 % — so they stay put while later days are read. Figures exist
 * from {@code start} to {@code end} (the last full day), included.
 */
final class DemoDataset {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String EUR = "EUR";

    private final DemoProfile profile;
    private final long seed;
    private final LocalDate start;
    private final LocalDate end;
    private final int historyDays;
    private final LocalDate launch;
    private final LocalDate pause;
    private final LocalDate spike;

    DemoDataset(DemoProfile profile, long seed, LocalDate start, int historyDays, LocalDate end) {
        this.profile = profile;
        this.seed = seed;
        this.start = start;
        this.end = end;
        this.historyDays = Math.max(1, historyDays);
        this.launch = start.plusDays(this.historyDays / 2);
        this.pause = start.plusDays(this.historyDays).minusDays(21);
        this.spike = start.plusDays(this.historyDays * 7L / 10);
    }

    LocalDate start() {
        return start;
    }

    LocalDate launch() {
        return launch;
    }

    LocalDate spike() {
        return spike;
    }

    // ------------------------------------------------------------------ accounts and campaigns

    List<AccountRecord> accounts() {
        return List.of(
                new AccountRecord(DemoProfile.GOOGLE, "Google Ads – " + profile.brand(), EUR, PARIS),
                new AccountRecord(DemoProfile.META, "Meta Ads – " + profile.brand(), EUR, PARIS),
                new AccountRecord(DemoProfile.ANALYTICS, "GA4 – " + profile.site(), EUR, PARIS),
                new AccountRecord(DemoProfile.EMAILING, "E-mailing – " + profile.brand(), EUR, PARIS));
    }

    /** The campaigns that ran at some point of the history, with their dates as of its end. */
    List<CampaignRecord> campaigns() {
        List<CampaignRecord> campaigns = new ArrayList<>();
        for (AdPlan plan : profile.ads()) {
            switch (plan.timing()) {
                case ALWAYS -> campaigns.add(new CampaignRecord(plan.accountId(), plan.id(), plan.name(),
                        EntityStatus.ACTIVE, plan.channel(), start, null));
                case LAUNCH -> {
                    if (!launch.isAfter(end)) {
                        campaigns.add(new CampaignRecord(plan.accountId(), plan.id(), plan.name(),
                                EntityStatus.ACTIVE, plan.channel(), launch, null));
                    }
                }
                case PAUSED_RECENTLY -> campaigns.add(pause.isBefore(end)
                        ? new CampaignRecord(plan.accountId(), plan.id(), plan.name(), EntityStatus.PAUSED,
                        plan.channel(), start, pause)
                        : new CampaignRecord(plan.accountId(), plan.id(), plan.name(), EntityStatus.ACTIVE,
                        plan.channel(), start, null));
                default -> {
                    for (int year = start.getYear() - 1; year <= end.getYear(); year++) {
                        LocalDate[] window = window(plan.timing(), year);
                        if (!window[1].isBefore(start) && !window[0].isAfter(end)) {
                            EntityStatus status = window[1].isBefore(end) ? EntityStatus.PAUSED : EntityStatus.ACTIVE;
                            campaigns.add(new CampaignRecord(plan.accountId(), plan.id() + "-" + year,
                                    plan.name() + " " + year, status, plan.channel(), window[0], window[1]));
                        }
                    }
                }
            }
        }
        for (EmailPlan plan : profile.emails()) {
            switch (plan.sending()) {
                case WEEKLY, MONTHLY, DAILY -> campaigns.add(new CampaignRecord(DemoProfile.EMAILING, plan.id(),
                        plan.name(), EntityStatus.ACTIVE, Channel.EMAIL, start, null));
                default -> {
                    for (int year = start.getYear() - 1; year <= end.getYear(); year++) {
                        for (LocalDate day : sendDays(plan, year)) {
                            if (!day.isBefore(start) && !day.isAfter(end)) {
                                campaigns.add(new CampaignRecord(DemoProfile.EMAILING, emailId(plan, day),
                                        plan.name() + " " + year, EntityStatus.OTHER, Channel.EMAIL, day, day));
                            }
                        }
                    }
                }
            }
        }
        return campaigns;
    }

    // ------------------------------------------------------------------ daily figures

    /** Every metric row of one day for the given account, empty outside the history. */
    List<MetricRow> rows(String accountId, LocalDate day) {
        if (day.isBefore(start) || day.isAfter(end)) {
            return List.of();
        }
        return switch (accountId) {
            case DemoProfile.GOOGLE, DemoProfile.META -> adRows(accountId, day);
            case DemoProfile.EMAILING -> emailRows(day);
            case DemoProfile.ANALYTICS -> analyticsRows(day);
            default -> List.of();
        };
    }

    private List<MetricRow> adRows(String accountId, LocalDate day) {
        List<MetricRow> rows = new ArrayList<>();
        for (AdPlan plan : profile.ads()) {
            if (plan.accountId().equals(accountId)) {
                Measures measures = adFigures(plan, day);
                if (measures != null) {
                    rows.add(MetricRow.daily(day, accountId, campaignId(plan, day), plan.channel(), EUR, measures));
                }
            }
        }
        return rows;
    }

    /** The figures of an ad campaign on a day, or {@code null} when it did not run. */
    Measures adFigures(AdPlan plan, LocalDate day) {
        double ramp = ramp(plan, day);
        if (ramp == 0) {
            return null;
        }
        SplittableRandom random = random(plan.id(), day);
        boolean spiked = plan.spike() && day.equals(spike);
        double volume = plan.impressions() * weekly(day) * season(day) * trend(day) * ramp * noise(random, 0.12)
                * (spiked ? 1.9 : 1);
        long impressions = Math.round(volume);
        long clicks = Math.round(impressions * plan.ctr() * noise(random, 0.08));
        // A bidding mistake on the spike day: the same clicks at almost three times the price.
        double cpc = plan.cpc() * cpcInflation(day) * noise(random, 0.07) * (spiked ? 2.8 : 1);
        BigDecimal cost = money(clicks * cpc);
        double conversions = clicks * plan.cvr() * conversionLift(day) * noise(random, 0.2);
        // Google reports data-driven (fractional) conversions, Meta whole ones.
        BigDecimal converted = plan.accountId().equals(DemoProfile.GOOGLE)
                ? BigDecimal.valueOf(conversions).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(Math.round(conversions));
        Measures.Builder measures = Measures.builder().impressions(impressions).clicks(clicks).cost(cost)
                .conversions(converted).conversionValue(value(converted, random));
        if (plan.channel() == Channel.SOCIAL) {
            long engagements = Math.round(impressions * 0.014 * noise(random, 0.15));
            measures.engagements(engagements)
                    .likes(Math.round(engagements * 0.46))
                    .comments(Math.round(engagements * 0.035))
                    .shares(Math.round(engagements * 0.06))
                    .videoViews(Math.round(impressions * 0.21 * noise(random, 0.1)));
        }
        return measures.build();
    }

    private List<MetricRow> emailRows(LocalDate day) {
        List<MetricRow> rows = new ArrayList<>();
        for (EmailPlan plan : profile.emails()) {
            Measures measures = emailFigures(plan, day);
            if (measures != null) {
                rows.add(MetricRow.daily(day, DemoProfile.EMAILING, emailId(plan, day), Channel.EMAIL, EUR, measures));
            }
        }
        return rows;
    }

    /**
     * The figures of an e-mail campaign on a day, or {@code null} when nothing was sent. The tool
     * knows no cost per send and leaves conversions to the analytics: both stay unknown.
     */
    Measures emailFigures(EmailPlan plan, LocalDate day) {
        if (!sentOn(plan, day)) {
            return null;
        }
        SplittableRandom random = random(plan.id(), day);
        // The list grows by about a fifth over the history; the daily flow follows the traffic.
        double size = plan.sending() == DemoProfile.Sending.DAILY
                ? plan.audience() * weekly(day) * season(day) * noise(random, 0.25)
                : plan.audience() * (0.9 + 0.2 * progress(day)) * noise(random, 0.01);
        long sent = Math.round(size);
        long delivered = Math.round(sent * (0.985 + (random.nextDouble() - 0.5) * 0.006));
        long opened = Math.round(delivered * plan.openRate() * noise(random, 0.1));
        long clicked = Math.min(opened, Math.round(delivered * plan.clickRate() * noise(random, 0.15)));
        long unsubscribed = Math.round(delivered * 0.0019 * noise(random, 0.4));
        return Measures.builder().emailsSent(sent).emailsDelivered(delivered).emailsBounced(sent - delivered)
                .emailsOpened(opened).emailsClicked(clicked).emailsUnsubscribed(unsubscribed).build();
    }

    /** Sessions by channel as the analytics tool sees them: paid visits follow the ads' clicks. */
    private List<MetricRow> analyticsRows(LocalDate day) {
        Map<Channel, Double> sessions = new LinkedHashMap<>();
        Map<Channel, Double> clicks = new EnumMap<>(Channel.class);
        for (AdPlan plan : profile.ads()) {
            Measures figures = adFigures(plan, day);
            if (figures != null) {
                Channel channel = plan.channel() == Channel.SHOPPING ? Channel.SEARCH : plan.channel();
                clicks.merge(channel, (double) figures.clicks(), Double::sum);
            }
        }
        for (EmailPlan plan : profile.emails()) {
            Measures figures = emailFigures(plan, day);
            if (figures != null) {
                clicks.merge(Channel.EMAIL, figures.emailsClicked() * 1.3, Double::sum);
            }
        }
        SplittableRandom random = random("analytics", day);
        sessions.put(Channel.SEARCH, clicks.getOrDefault(Channel.SEARCH, 0.0) * 0.93);
        sessions.put(Channel.DISPLAY, clicks.getOrDefault(Channel.DISPLAY, 0.0) * 0.74);
        sessions.put(Channel.SOCIAL, clicks.getOrDefault(Channel.SOCIAL, 0.0) * 0.81);
        // Newsletters keep bringing a few visits on the days in between.
        sessions.put(Channel.EMAIL, clicks.getOrDefault(Channel.EMAIL, 0.0) + 0.004 * profile.emails().getFirst().audience()
                * noise(random, 0.3));
        for (Channel channel : List.of(Channel.ORGANIC_SEARCH, Channel.DIRECT, Channel.REFERRAL, Channel.ORGANIC_SOCIAL)) {
            sessions.put(channel, profile.organic().get(channel) * weekly(day) * season(day) * trend(day)
                    * noise(random, 0.1));
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Map.Entry<Channel, Double> entry : sessions.entrySet()) {
            long visits = Math.round(entry.getValue());
            if (visits == 0) {
                continue;
            }
            Channel channel = entry.getKey();
            long users = Math.round(visits * 0.84 * noise(random, 0.03));
            long newUsers = Math.round(users * newUserShare(channel) * noise(random, 0.05));
            long pageViews = Math.round(visits * pagesPerSession(channel) * noise(random, 0.06));
            long bounces = Math.round(visits * bounceRate(channel) * noise(random, 0.05));
            BigDecimal conversions = BigDecimal.valueOf(Math.round(visits * siteConversionRate(channel)
                    * conversionLift(day) * noise(random, 0.2)));
            rows.add(new MetricRow(day, null, DemoProfile.ANALYTICS, null, null, null, channel, null, null, EUR,
                    Measures.builder().sessions(visits).users(users).newUsers(newUsers).pageViews(pageViews)
                            .bounces(bounces).conversions(conversions).conversionValue(value(conversions, random))
                            .build()));
        }
        return rows;
    }

    // ------------------------------------------------------------------ calendar

    /** The campaign id a row of that plan on that day belongs to (seasonal campaigns, one per year). */
    private static String campaignId(AdPlan plan, LocalDate day) {
        return switch (plan.timing()) {
            case ALWAYS, LAUNCH, PAUSED_RECENTLY -> plan.id();
            default -> plan.id() + "-" + day.getYear();
        };
    }

    private static String emailId(EmailPlan plan, LocalDate day) {
        return switch (plan.sending()) {
            case WEEKLY, MONTHLY, DAILY -> plan.id();
            default -> plan.id() + "-" + day.getYear();
        };
    }

    /** 0 when the campaign does not run that day, up to 1 at cruising speed. */
    private double ramp(AdPlan plan, LocalDate day) {
        return switch (plan.timing()) {
            case ALWAYS -> 1;
            case PAUSED_RECENTLY -> day.isAfter(pause) ? 0 : 1;
            case LAUNCH -> day.isBefore(launch) ? 0
                    : Math.min(1, 0.35 + 0.1 * ChronoUnit.DAYS.between(launch, day));
            default -> {
                LocalDate[] window = window(plan.timing(), day.getYear());
                yield day.isBefore(window[0]) || day.isAfter(window[1]) ? 0 : 1;
            }
        };
    }

    /** The first and last day of a seasonal campaign in a year. */
    static LocalDate[] window(Timing timing, int year) {
        return switch (timing) {
            case BLACK_FRIDAY -> new LocalDate[]{blackFriday(year).minusDays(6), blackFriday(year).plusDays(3)};
            case CHRISTMAS -> new LocalDate[]{LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 24)};
            case JANUARY -> new LocalDate[]{LocalDate.of(year, 1, 2), LocalDate.of(year, 1, 19)};
            default -> throw new IllegalArgumentException(timing + " has no yearly window");
        };
    }

    /** The fourth Friday of November. */
    static LocalDate blackFriday(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.FRIDAY));
    }

    private boolean sentOn(EmailPlan plan, LocalDate day) {
        return switch (plan.sending()) {
            case DAILY -> true;
            case WEEKLY -> day.getDayOfWeek() == profile.newsletterDay()
                    && !(day.getMonth() == Month.DECEMBER && day.getDayOfMonth() > 24);
            case MONTHLY -> day.equals(day.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY)))
                    && day.getMonth() != Month.AUGUST;
            default -> sendDays(plan, day.getYear()).contains(day);
        };
    }

    private static List<LocalDate> sendDays(EmailPlan plan, int year) {
        return switch (plan.sending()) {
            case BLACK_FRIDAY -> List.of(blackFriday(year), blackFriday(year).plusDays(3));
            case CHRISTMAS -> {
                LocalDate first = LocalDate.of(year, 12, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
                yield List.of(first, first.plusWeeks(1));
            }
            case JANUARY -> List.of(LocalDate.of(year, 1, 3));
            default -> List.of();
        };
    }

    private double weekly(LocalDate day) {
        return profile.weekly()[day.getDayOfWeek().getValue() - 1];
    }

    /** Yearly seasonality of the traffic, by profile: Black Friday, Christmas, January, summer. */
    double season(LocalDate day) {
        int month = day.getMonthValue();
        int dom = day.getDayOfMonth();
        long toBlackFriday = ChronoUnit.DAYS.between(day, blackFriday(day.getYear()));
        return switch (profile.key()) {
            case "ecommerce" -> {
                if (toBlackFriday == 0) {
                    yield 2.6;
                } else if (toBlackFriday >= -3 && toBlackFriday < 0) {
                    yield toBlackFriday == -3 ? 2.0 : 1.7;
                } else if (toBlackFriday > 0 && toBlackFriday <= 6) {
                    yield 1.3 + 0.05 * (6 - toBlackFriday);
                } else if (month == 12 && dom <= 20) {
                    yield 1.25 + 0.35 * dom / 20.0;
                } else if (month == 12) {
                    yield dom <= 23 ? 1.3 : dom == 24 ? 0.8 : dom == 25 ? 0.45 : 0.9;
                } else if (month == 1 && dom >= 7 && dom <= 31) {
                    yield 1.25;
                } else if (month == 8) {
                    yield 0.85;
                }
                yield 1;
            }
            case "local" -> {
                if (month == 12 && dom <= 24) {
                    yield 1.2 + 0.3 * dom / 24.0;
                } else if (month == 12 && dom == 25) {
                    yield 0.3;
                } else if (month == 1 && dom <= 19) {
                    yield 1.4;
                } else if (month == 8) {
                    yield 0.55;
                } else if (toBlackFriday == 0) {
                    yield 1.1;
                }
                yield 1;
            }
            default -> {
                if ((month == 12 && dom >= 20) || (month == 1 && dom <= 2)) {
                    yield 0.45;
                } else if (month == 8) {
                    yield 0.55;
                } else if (month == 9) {
                    yield 1.15;
                } else if (toBlackFriday >= -3 && toBlackFriday <= 0) {
                    yield 1.05;
                }
                yield 1;
            }
        };
    }

    /** Auctions cost more when every advertiser pushes: Black Friday week and December. */
    private double cpcInflation(LocalDate day) {
        long toBlackFriday = ChronoUnit.DAYS.between(day, blackFriday(day.getYear()));
        if (toBlackFriday >= -3 && toBlackFriday <= 6) {
            return 1.35;
        }
        return day.getMonth() == Month.DECEMBER && day.getDayOfMonth() <= 24 ? 1.15 : 1;
    }

    /** Visitors buy more readily during the sales and before Christmas. */
    private double conversionLift(LocalDate day) {
        if (!"ecommerce".equals(profile.key())) {
            return 1;
        }
        long toBlackFriday = ChronoUnit.DAYS.between(day, blackFriday(day.getYear()));
        if (toBlackFriday >= -3 && toBlackFriday <= 0) {
            return 1.5;
        }
        return day.getMonth() == Month.DECEMBER && day.getDayOfMonth() <= 22 ? 1.2 : 1;
    }

    /** A slow growth of the business over the history (0.85 at the start, 1.15 at the end). */
    private double trend(LocalDate day) {
        return 0.85 + 0.3 * progress(day);
    }

    private double progress(LocalDate day) {
        return Math.clamp(ChronoUnit.DAYS.between(start, day) / (double) historyDays, 0, 1);
    }

    private BigDecimal value(BigDecimal conversions, SplittableRandom random) {
        // Leads and shop visits have no value the business tells: unknown, not zero.
        return profile.orderValue() == null ? null
                : money(conversions.doubleValue() * profile.orderValue().doubleValue() * noise(random, 0.12));
    }

    private static double newUserShare(Channel channel) {
        return switch (channel) {
            case SEARCH, DISPLAY, SOCIAL -> 0.67;
            case ORGANIC_SEARCH, ORGANIC_SOCIAL, REFERRAL -> 0.55;
            case EMAIL -> 0.08;
            default -> 0.31;
        };
    }

    private static double pagesPerSession(Channel channel) {
        return switch (channel) {
            case DIRECT -> 4.1;
            case EMAIL -> 3.6;
            case ORGANIC_SEARCH -> 3.2;
            case SEARCH -> 2.9;
            case REFERRAL -> 2.6;
            case SOCIAL, ORGANIC_SOCIAL -> 1.9;
            default -> 1.6;
        };
    }

    private static double bounceRate(Channel channel) {
        return switch (channel) {
            case DISPLAY -> 0.63;
            case SOCIAL, ORGANIC_SOCIAL -> 0.57;
            case REFERRAL -> 0.46;
            case SEARCH, ORGANIC_SEARCH -> 0.41;
            case EMAIL -> 0.34;
            default -> 0.38;
        };
    }

    private double siteConversionRate(Channel channel) {
        double base = switch (profile.key()) {
            case "ecommerce" -> 0.019;
            case "local" -> 0.045;
            default -> 0.012;
        };
        return base * switch (channel) {
            case EMAIL -> 2.2;
            case DIRECT -> 1.6;
            case SEARCH -> 1.3;
            case ORGANIC_SEARCH -> 1.0;
            case REFERRAL -> 0.9;
            case SOCIAL, ORGANIC_SOCIAL -> 0.6;
            default -> 0.35;
        };
    }

    private static BigDecimal money(double euros) {
        return BigDecimal.valueOf(euros).setScale(2, RoundingMode.HALF_UP);
    }

    private SplittableRandom random(String key, LocalDate day) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = mix(h ^ profile.key().hashCode());
        h = mix(h ^ key.hashCode());
        return new SplittableRandom(mix(h ^ day.toEpochDay()));
    }

    /** A factor around 1, within ±spread. */
    private static double noise(SplittableRandom random, double spread) {
        return 1 + (random.nextDouble() * 2 - 1) * spread;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
