package com.campagne.analytics;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;

/**
 * Sums of the unified schema's measures over a set of metric rows. A null sum means no row knew that
 * measure (unknown, shown "—"), which is not 0. Money ({@link #cost}, {@link #conversionValue}) is in one
 * currency, never mixed: see {@link MetricTotals}.
 */
public record MeasureSums(long factRows, Long impressions, Long clicks, BigDecimal cost, BigDecimal conversions,
                          BigDecimal conversionValue, Long sessions, Long users, Long newUsers, Long pageViews,
                          Long bounces, Long emailsSent, Long emailsDelivered, Long emailsOpened, Long emailsClicked,
                          Long emailsBounced, Long emailsUnsubscribed, Long videoViews, Long engagements, Long likes,
                          Long comments, Long shares, Long followers) {

    /** The measures' columns, in the order of the record's components after {@code factRows}. */
    public static final String[] COLUMNS = {"impressions", "clicks", "cost", "conversions", "conversion_value",
            "sessions", "users", "new_users", "page_views", "bounces", "emails_sent", "emails_delivered",
            "emails_opened", "emails_clicked", "emails_bounced", "emails_unsubscribed", "video_views", "engagements",
            "likes", "comments", "shares", "followers"};

    public static final MeasureSums EMPTY = new MeasureSums(0, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Reads the sums from a result row: {@code factRows} at {@code offset}, then the {@link #COLUMNS}. */
    public static MeasureSums fromRow(Object[] row, int offset) {
        return new MeasureSums(row[offset] == null ? 0 : ((Number) row[offset]).longValue(),
                count(row[offset + 1]), count(row[offset + 2]), money(row[offset + 3]), money(row[offset + 4]),
                money(row[offset + 5]), count(row[offset + 6]), count(row[offset + 7]), count(row[offset + 8]),
                count(row[offset + 9]), count(row[offset + 10]), count(row[offset + 11]), count(row[offset + 12]),
                count(row[offset + 13]), count(row[offset + 14]), count(row[offset + 15]), count(row[offset + 16]),
                count(row[offset + 17]), count(row[offset + 18]), count(row[offset + 19]), count(row[offset + 20]),
                count(row[offset + 21]), count(row[offset + 22]));
    }

    /** The two sets together, unknown + unknown staying unknown. Money must be of the same currency. */
    public MeasureSums plus(MeasureSums o) {
        return new MeasureSums(factRows + o.factRows, add(impressions, o.impressions), add(clicks, o.clicks),
                add(cost, o.cost), add(conversions, o.conversions), add(conversionValue, o.conversionValue),
                add(sessions, o.sessions), add(users, o.users), add(newUsers, o.newUsers), add(pageViews, o.pageViews),
                add(bounces, o.bounces), add(emailsSent, o.emailsSent), add(emailsDelivered, o.emailsDelivered),
                add(emailsOpened, o.emailsOpened), add(emailsClicked, o.emailsClicked),
                add(emailsBounced, o.emailsBounced), add(emailsUnsubscribed, o.emailsUnsubscribed),
                add(videoViews, o.videoViews), add(engagements, o.engagements), add(likes, o.likes),
                add(comments, o.comments), add(shares, o.shares), add(followers, o.followers));
    }

    /** The same counts without any money (for summing rows of different currencies). */
    public MeasureSums withoutMoney() {
        return new MeasureSums(factRows, impressions, clicks, null, conversions, null, sessions, users, newUsers,
                pageViews, bounces, emailsSent, emailsDelivered, emailsOpened, emailsClicked, emailsBounced,
                emailsUnsubscribed, videoViews, engagements, likes, comments, shares, followers);
    }

    private static Long add(Long a, Long b) {
        return combine(a, b, Long::sum);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return combine(a, b, BigDecimal::add);
    }

    private static <T> T combine(T a, T b, BinaryOperator<T> op) {
        return a == null ? b : b == null ? a : op.apply(a, b);
    }

    private static Long count(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
