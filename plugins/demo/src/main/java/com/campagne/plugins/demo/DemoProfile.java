package com.campagne.plugins.demo;

import com.campagne.connectors.api.schema.Channel;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * One kind of business the demo pretends to be: its brand, its campaigns and how its traffic
 * behaves over the week and the year. Volumes are per day at cruising speed, before seasonality.
 *
 * @param key          the value of the {@code profile} setting
 * @param brand        the advertiser's name
 * @param site         its web site
 * @param orderValue   the average order value in euros, or {@code null} when conversions are leads or
 *                     visits whose value the business does not know
 * @param weekly       traffic by day of the week, Monday first (1 = an average day)
 * @param ads          the ad campaigns
 * @param emails       the e-mail campaigns
 * @param organic      the daily sessions of the unpaid channels
 */
record DemoProfile(String key, String brand, String site, BigDecimal orderValue, double[] weekly,
                   List<AdPlan> ads, List<EmailPlan> emails, Map<Channel, Integer> organic) {

    /** When a campaign runs. */
    enum Timing {
        /** Over the whole history. */
        ALWAYS,
        /** From the launch day, in the middle of the history, ramping up over its first week. */
        LAUNCH,
        /** Over the whole history until it was paused three weeks before the end. */
        PAUSED_RECENTLY,
        /** Each year, the week before Black Friday to Cyber Monday. */
        BLACK_FRIDAY,
        /** Each year, from 1 to 24 December. */
        CHRISTMAS,
        /** Each year, from 2 to 19 January (galette des rois, January sales). */
        JANUARY
    }

    /** When an e-mail campaign is sent. */
    enum Sending {
        /** Every week on the profile's newsletter day. */
        WEEKLY,
        /** On the first Tuesday of every month. */
        MONTHLY,
        /** Every day, a small automated flow (abandoned baskets). */
        DAILY,
        /** On Black Friday and Cyber Monday. */
        BLACK_FRIDAY,
        /** On the second and third Monday of December. */
        CHRISTMAS,
        /** On 3 January. */
        JANUARY
    }

    /**
     * An ad campaign.
     *
     * @param id          the campaign's id (seasonal campaigns get the year appended)
     * @param accountId   the account it belongs to
     * @param name        its name (seasonal ones get the year appended)
     * @param channel     its channel
     * @param timing      when it runs
     * @param impressions impressions on an average day
     * @param ctr         click-through rate
     * @param cpc         cost per click in euros
     * @param cvr         conversions per click
     * @param spike       whether the day of the spend spike hits it (one campaign per profile)
     */
    record AdPlan(String id, String accountId, String name, Channel channel, Timing timing, long impressions,
                  double ctr, double cpc, double cvr, boolean spike) {
    }

    /**
     * An e-mail campaign.
     *
     * @param id        the campaign's id (seasonal ones get the year appended)
     * @param name      its name
     * @param sending   when it is sent
     * @param audience  how many addresses receive it at the start of the history (the list grows)
     * @param openRate  unique opens per delivered e-mail
     * @param clickRate unique clicks per delivered e-mail
     */
    record EmailPlan(String id, String name, Sending sending, int audience, double openRate, double clickRate) {
    }

    static final String GOOGLE = "demo-google-ads";
    static final String META = "demo-meta-ads";
    static final String ANALYTICS = "demo-analytics";
    static final String EMAILING = "demo-emailing";

    static final DemoProfile ECOMMERCE = new DemoProfile("ecommerce", "Maison Lumière", "maison-lumiere.fr",
            new BigDecimal("86"),
            new double[]{0.97, 0.95, 0.96, 0.98, 1.0, 1.08, 1.12},
            List.of(
                    new AdPlan("gads-search-marque", GOOGLE, "Search | Marque Maison Lumière", Channel.SEARCH,
                            Timing.ALWAYS, 1_900, 0.168, 0.34, 0.094, false),
                    new AdPlan("gads-search-luminaires", GOOGLE, "Search | Luminaires – Générique", Channel.SEARCH,
                            Timing.ALWAYS, 9_200, 0.046, 0.86, 0.027, true),
                    new AdPlan("gads-search-deco", GOOGLE, "Search | Décoration murale", Channel.SEARCH,
                            Timing.PAUSED_RECENTLY, 5_800, 0.037, 0.71, 0.019, false),
                    new AdPlan("gads-shopping", GOOGLE, "Shopping | Catalogue complet", Channel.SHOPPING,
                            Timing.ALWAYS, 21_500, 0.012, 0.47, 0.021, false),
                    new AdPlan("gads-display-remarketing", GOOGLE, "Display | Remarketing visiteurs 30 jours",
                            Channel.DISPLAY, Timing.ALWAYS, 44_000, 0.0046, 0.31, 0.012, false),
                    new AdPlan("gads-display-collection", GOOGLE, "Display | Lancement collection Atelier",
                            Channel.DISPLAY, Timing.LAUNCH, 58_000, 0.0029, 0.27, 0.0045, false),
                    new AdPlan("meta-prospection", META, "Meta | Prospection – Audiences similaires",
                            Channel.SOCIAL, Timing.ALWAYS, 38_000, 0.011, 0.41, 0.013, false),
                    new AdPlan("meta-retargeting", META, "Meta | Retargeting catalogue dynamique",
                            Channel.SOCIAL, Timing.ALWAYS, 14_000, 0.019, 0.37, 0.034, false),
                    new AdPlan("meta-black-friday", META, "Meta | Black Friday -30 %", Channel.SOCIAL,
                            Timing.BLACK_FRIDAY, 52_000, 0.016, 0.45, 0.03, false),
                    new AdPlan("gads-search-noel", GOOGLE, "Search | Idées cadeaux Noël", Channel.SEARCH,
                            Timing.CHRISTMAS, 7_500, 0.052, 0.92, 0.031, false)),
            List.of(
                    new EmailPlan("mail-newsletter", "Newsletter hebdomadaire", Sending.WEEKLY, 9_400, 0.31, 0.034),
                    new EmailPlan("mail-panier", "Relance panier abandonné", Sending.DAILY, 60, 0.46, 0.12),
                    new EmailPlan("mail-black-friday", "Black Friday : -30 % sur tout le site", Sending.BLACK_FRIDAY,
                            9_400, 0.38, 0.061),
                    new EmailPlan("mail-noel", "Nos idées cadeaux de Noël", Sending.CHRISTMAS, 9_400, 0.35, 0.047)),
            Map.of(Channel.ORGANIC_SEARCH, 920, Channel.DIRECT, 430, Channel.REFERRAL, 110,
                    Channel.ORGANIC_SOCIAL, 140));

    static final DemoProfile LOCAL = new DemoProfile("local", "Boulangerie-Pâtisserie Martin",
            "boulangerie-martin.fr", null,
            new double[]{0.82, 0.9, 0.95, 0.97, 1.06, 1.32, 0.98},
            List.of(
                    new AdPlan("gads-search-boulangerie", GOOGLE, "Search | Boulangerie Lyon 6e", Channel.SEARCH,
                            Timing.ALWAYS, 1_400, 0.071, 0.52, 0.16, true),
                    new AdPlan("gads-search-gateaux", GOOGLE, "Search | Commande gâteaux d’anniversaire",
                            Channel.SEARCH, Timing.ALWAYS, 650, 0.064, 0.68, 0.11, false),
                    new AdPlan("gads-search-traiteur", GOOGLE, "Search | Traiteur apéritif dînatoire",
                            Channel.SEARCH, Timing.PAUSED_RECENTLY, 380, 0.055, 0.74, 0.08, false),
                    new AdPlan("gads-display-quartier", GOOGLE, "Display | Zone 5 km autour du magasin",
                            Channel.DISPLAY, Timing.ALWAYS, 9_000, 0.0052, 0.22, 0.02, false),
                    new AdPlan("gads-search-brunch", GOOGLE, "Search | Nouveau brunch du dimanche", Channel.SEARCH,
                            Timing.LAUNCH, 520, 0.082, 0.48, 0.14, false),
                    new AdPlan("meta-notoriete", META, "Meta | Notoriété quartier", Channel.SOCIAL, Timing.ALWAYS,
                            6_500, 0.0085, 0.29, 0.04, false),
                    new AdPlan("meta-buches", META, "Meta | Bûches de Noël – précommandes", Channel.SOCIAL,
                            Timing.CHRISTMAS, 8_200, 0.014, 0.31, 0.07, false),
                    new AdPlan("meta-galette", META, "Meta | Galette des rois", Channel.SOCIAL, Timing.JANUARY,
                            7_400, 0.013, 0.3, 0.06, false)),
            List.of(
                    new EmailPlan("mail-lettre", "La lettre du fournil", Sending.MONTHLY, 1_750, 0.42, 0.056),
                    new EmailPlan("mail-noel", "Précommandez vos bûches", Sending.CHRISTMAS, 1_750, 0.47, 0.081),
                    new EmailPlan("mail-galette", "La galette est de retour", Sending.JANUARY, 1_750, 0.45, 0.07)),
            Map.of(Channel.ORGANIC_SEARCH, 125, Channel.DIRECT, 85, Channel.REFERRAL, 22,
                    Channel.ORGANIC_SOCIAL, 64));

    static final DemoProfile B2B = new DemoProfile("b2b", "Axiome Logiciels", "axiome-logiciels.fr", null,
            new double[]{1.06, 1.12, 1.1, 1.07, 0.93, 0.38, 0.31},
            List.of(
                    new AdPlan("gads-search-marque", GOOGLE, "Search | Marque Axiome", Channel.SEARCH,
                            Timing.ALWAYS, 850, 0.19, 0.62, 0.082, false),
                    new AdPlan("gads-search-facturation", GOOGLE, "Search | Logiciel de facturation PME",
                            Channel.SEARCH, Timing.ALWAYS, 4_300, 0.041, 3.85, 0.046, true),
                    new AdPlan("gads-search-concurrents", GOOGLE, "Search | Concurrents", Channel.SEARCH,
                            Timing.PAUSED_RECENTLY, 2_100, 0.028, 4.6, 0.031, false),
                    new AdPlan("gads-display-remarketing", GOOGLE, "Display | Remarketing visiteurs tarifs",
                            Channel.DISPLAY, Timing.ALWAYS, 16_000, 0.0041, 0.58, 0.011, false),
                    new AdPlan("gads-search-webinar", GOOGLE, "Search | Webinar facture électronique 2026",
                            Channel.SEARCH, Timing.LAUNCH, 2_600, 0.052, 2.9, 0.074, false),
                    new AdPlan("meta-livre-blanc", META, "Meta | Livre blanc – Génération de leads",
                            Channel.SOCIAL, Timing.ALWAYS, 12_500, 0.0068, 1.35, 0.052, false),
                    new AdPlan("meta-retargeting", META, "Meta | Retargeting demande de démo", Channel.SOCIAL,
                            Timing.ALWAYS, 4_800, 0.0095, 1.1, 0.061, false),
                    new AdPlan("meta-black-friday", META, "Meta | Offre fin d’année -20 % abonnement annuel",
                            Channel.SOCIAL, Timing.BLACK_FRIDAY, 9_000, 0.0081, 1.2, 0.048, false)),
            List.of(
                    new EmailPlan("mail-lettre", "Lettre d’information Axiome", Sending.WEEKLY, 3_600, 0.27, 0.029),
                    new EmailPlan("mail-webinar", "Invitation : webinar facture électronique", Sending.MONTHLY,
                            3_600, 0.33, 0.052)),
            Map.of(Channel.ORGANIC_SEARCH, 380, Channel.DIRECT, 175, Channel.REFERRAL, 64,
                    Channel.ORGANIC_SOCIAL, 38));

    static final List<DemoProfile> ALL = List.of(ECOMMERCE, LOCAL, B2B);

    /** The profile with that key, or {@code null}. */
    static DemoProfile of(String key) {
        return ALL.stream().filter(p -> p.key.equals(key)).findFirst().orElse(null);
    }

    /** The day e-mails of a {@link Sending#WEEKLY} plan go out. */
    DayOfWeek newsletterDay() {
        return this == B2B ? DayOfWeek.THURSDAY : DayOfWeek.TUESDAY;
    }
}
