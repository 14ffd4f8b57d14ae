package com.campagne.connectors.api.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The measures of one metric row. Every measure is optional: <strong>unknown is {@code null},
 * never 0</strong> — a GA4 row has no impressions, an ad-network row has no sessions, and a sum
 * over both must not pretend otherwise. Money measures are in the {@link MetricRow#currency()} of
 * their row. Build with {@link #builder()}.
 *
 * @param impressions Times an ad was shown. {@code null} when unknown.
 * @param clicks Clicks on an ad or link. {@code null} when unknown.
 * @param cost Money spent, in the row's currency. {@code null} when unknown.
 * @param conversions Conversions (may be fractional with data-driven attribution). {@code null} when unknown.
 * @param conversionValue Value of the conversions, in the row's currency. {@code null} when unknown.
 * @param sessions Visits (sessions) on the site. {@code null} when unknown.
 * @param users Distinct users (as the source counts them; not additive across days). {@code null} when unknown.
 * @param newUsers First-time users. {@code null} when unknown.
 * @param pageViews Pages (screens) viewed. {@code null} when unknown.
 * @param bounces Sessions that bounced. {@code null} when unknown.
 * @param emailsSent E-mails sent. {@code null} when unknown.
 * @param emailsDelivered E-mails delivered. {@code null} when unknown.
 * @param emailsOpened E-mails opened (unique opens where the source has them). {@code null} when unknown.
 * @param emailsClicked E-mails clicked (unique clicks where the source has them). {@code null} when unknown.
 * @param emailsBounced E-mails bounced (hard and soft). {@code null} when unknown.
 * @param emailsUnsubscribed Unsubscriptions. {@code null} when unknown.
 * @param videoViews Video views as the network counts them. {@code null} when unknown.
 * @param engagements Engagements (interactions) as the network counts them. {@code null} when unknown.
 * @param likes Likes and reactions. {@code null} when unknown.
 * @param comments Comments. {@code null} when unknown.
 * @param shares Shares. {@code null} when unknown.
 * @param followers Followers gained. {@code null} when unknown.
 */
public record Measures(Long impressions,
                       Long clicks,
                       BigDecimal cost,
                       BigDecimal conversions,
                       BigDecimal conversionValue,
                       Long sessions,
                       Long users,
                       Long newUsers,
                       Long pageViews,
                       Long bounces,
                       Long emailsSent,
                       Long emailsDelivered,
                       Long emailsOpened,
                       Long emailsClicked,
                       Long emailsBounced,
                       Long emailsUnsubscribed,
                       Long videoViews,
                       Long engagements,
                       Long likes,
                       Long comments,
                       Long shares,
                       Long followers) {

    /** No measure known. */
    public static final Measures NONE = builder().build();

    /** A builder with every measure unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether no measure is known. */
    public boolean isEmpty() {
        return impressions == null && clicks == null && cost == null && conversions == null && conversionValue == null && sessions == null && users == null && newUsers == null && pageViews == null && bounces == null && emailsSent == null && emailsDelivered == null && emailsOpened == null && emailsClicked == null && emailsBounced == null && emailsUnsubscribed == null && videoViews == null && engagements == null && likes == null && comments == null && shares == null && followers == null;
    }

    /** Whether a money measure (cost or conversion value) is known, which requires a currency. */
    public boolean hasMoney() {
        return cost != null || conversionValue != null;
    }

    /** The measures that are negative, which no source produces. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        negative(problems, "impressions", impressions);
        negative(problems, "clicks", clicks);
        negative(problems, "cost", cost);
        negative(problems, "conversions", conversions);
        negative(problems, "conversionValue", conversionValue);
        negative(problems, "sessions", sessions);
        negative(problems, "users", users);
        negative(problems, "newUsers", newUsers);
        negative(problems, "pageViews", pageViews);
        negative(problems, "bounces", bounces);
        negative(problems, "emailsSent", emailsSent);
        negative(problems, "emailsDelivered", emailsDelivered);
        negative(problems, "emailsOpened", emailsOpened);
        negative(problems, "emailsClicked", emailsClicked);
        negative(problems, "emailsBounced", emailsBounced);
        negative(problems, "emailsUnsubscribed", emailsUnsubscribed);
        negative(problems, "videoViews", videoViews);
        negative(problems, "engagements", engagements);
        negative(problems, "likes", likes);
        negative(problems, "comments", comments);
        negative(problems, "shares", shares);
        negative(problems, "followers", followers);
        return problems;
    }

    private static void negative(List<String> problems, String name, Number value) {
        if (value != null && (value instanceof BigDecimal d ? d.signum() < 0 : value.longValue() < 0)) {
            problems.add(name + " is negative: " + value);
        }
    }

    /** Builds {@link Measures}; unset measures stay unknown. */
    public static final class Builder {

        private Long impressions;
        private Long clicks;
        private BigDecimal cost;
        private BigDecimal conversions;
        private BigDecimal conversionValue;
        private Long sessions;
        private Long users;
        private Long newUsers;
        private Long pageViews;
        private Long bounces;
        private Long emailsSent;
        private Long emailsDelivered;
        private Long emailsOpened;
        private Long emailsClicked;
        private Long emailsBounced;
        private Long emailsUnsubscribed;
        private Long videoViews;
        private Long engagements;
        private Long likes;
        private Long comments;
        private Long shares;
        private Long followers;

        private Builder() {
        }

        /** Sets impressions. */
        public Builder impressions(long value) {
            this.impressions = value;
            return this;
        }

        /** Sets or clears impressions. */
        public Builder impressions(Long value) {
            this.impressions = value;
            return this;
        }

        /** Sets clicks. */
        public Builder clicks(long value) {
            this.clicks = value;
            return this;
        }

        /** Sets or clears clicks. */
        public Builder clicks(Long value) {
            this.clicks = value;
            return this;
        }

        /** Sets or clears cost. */
        public Builder cost(BigDecimal value) {
            this.cost = value;
            return this;
        }

        /** Sets cost from a decimal text ({@code "12.5"}). */
        public Builder cost(String value) {
            this.cost = value == null ? null : new BigDecimal(value);
            return this;
        }

        /** Sets or clears conversions. */
        public Builder conversions(BigDecimal value) {
            this.conversions = value;
            return this;
        }

        /** Sets conversions from a decimal text ({@code "12.5"}). */
        public Builder conversions(String value) {
            this.conversions = value == null ? null : new BigDecimal(value);
            return this;
        }

        /** Sets or clears conversionValue. */
        public Builder conversionValue(BigDecimal value) {
            this.conversionValue = value;
            return this;
        }

        /** Sets conversionValue from a decimal text ({@code "12.5"}). */
        public Builder conversionValue(String value) {
            this.conversionValue = value == null ? null : new BigDecimal(value);
            return this;
        }

        /** Sets sessions. */
        public Builder sessions(long value) {
            this.sessions = value;
            return this;
        }

        /** Sets or clears sessions. */
        public Builder sessions(Long value) {
            this.sessions = value;
            return this;
        }

        /** Sets users. */
        public Builder users(long value) {
            this.users = value;
            return this;
        }

        /** Sets or clears users. */
        public Builder users(Long value) {
            this.users = value;
            return this;
        }

        /** Sets newUsers. */
        public Builder newUsers(long value) {
            this.newUsers = value;
            return this;
        }

        /** Sets or clears newUsers. */
        public Builder newUsers(Long value) {
            this.newUsers = value;
            return this;
        }

        /** Sets pageViews. */
        public Builder pageViews(long value) {
            this.pageViews = value;
            return this;
        }

        /** Sets or clears pageViews. */
        public Builder pageViews(Long value) {
            this.pageViews = value;
            return this;
        }

        /** Sets bounces. */
        public Builder bounces(long value) {
            this.bounces = value;
            return this;
        }

        /** Sets or clears bounces. */
        public Builder bounces(Long value) {
            this.bounces = value;
            return this;
        }

        /** Sets emailsSent. */
        public Builder emailsSent(long value) {
            this.emailsSent = value;
            return this;
        }

        /** Sets or clears emailsSent. */
        public Builder emailsSent(Long value) {
            this.emailsSent = value;
            return this;
        }

        /** Sets emailsDelivered. */
        public Builder emailsDelivered(long value) {
            this.emailsDelivered = value;
            return this;
        }

        /** Sets or clears emailsDelivered. */
        public Builder emailsDelivered(Long value) {
            this.emailsDelivered = value;
            return this;
        }

        /** Sets emailsOpened. */
        public Builder emailsOpened(long value) {
            this.emailsOpened = value;
            return this;
        }

        /** Sets or clears emailsOpened. */
        public Builder emailsOpened(Long value) {
            this.emailsOpened = value;
            return this;
        }

        /** Sets emailsClicked. */
        public Builder emailsClicked(long value) {
            this.emailsClicked = value;
            return this;
        }

        /** Sets or clears emailsClicked. */
        public Builder emailsClicked(Long value) {
            this.emailsClicked = value;
            return this;
        }

        /** Sets emailsBounced. */
        public Builder emailsBounced(long value) {
            this.emailsBounced = value;
            return this;
        }

        /** Sets or clears emailsBounced. */
        public Builder emailsBounced(Long value) {
            this.emailsBounced = value;
            return this;
        }

        /** Sets emailsUnsubscribed. */
        public Builder emailsUnsubscribed(long value) {
            this.emailsUnsubscribed = value;
            return this;
        }

        /** Sets or clears emailsUnsubscribed. */
        public Builder emailsUnsubscribed(Long value) {
            this.emailsUnsubscribed = value;
            return this;
        }

        /** Sets videoViews. */
        public Builder videoViews(long value) {
            this.videoViews = value;
            return this;
        }

        /** Sets or clears videoViews. */
        public Builder videoViews(Long value) {
            this.videoViews = value;
            return this;
        }

        /** Sets engagements. */
        public Builder engagements(long value) {
            this.engagements = value;
            return this;
        }

        /** Sets or clears engagements. */
        public Builder engagements(Long value) {
            this.engagements = value;
            return this;
        }

        /** Sets likes. */
        public Builder likes(long value) {
            this.likes = value;
            return this;
        }

        /** Sets or clears likes. */
        public Builder likes(Long value) {
            this.likes = value;
            return this;
        }

        /** Sets comments. */
        public Builder comments(long value) {
            this.comments = value;
            return this;
        }

        /** Sets or clears comments. */
        public Builder comments(Long value) {
            this.comments = value;
            return this;
        }

        /** Sets shares. */
        public Builder shares(long value) {
            this.shares = value;
            return this;
        }

        /** Sets or clears shares. */
        public Builder shares(Long value) {
            this.shares = value;
            return this;
        }

        /** Sets followers. */
        public Builder followers(long value) {
            this.followers = value;
            return this;
        }

        /** Sets or clears followers. */
        public Builder followers(Long value) {
            this.followers = value;
            return this;
        }

        /** The measures. */
        public Measures build() {
            return new Measures(impressions, clicks, cost, conversions, conversionValue, sessions, users, newUsers, pageViews, bounces, emailsSent, emailsDelivered, emailsOpened, emailsClicked, emailsBounced, emailsUnsubscribed, videoViews, engagements, likes, comments, shares, followers);
        }
    }
}
