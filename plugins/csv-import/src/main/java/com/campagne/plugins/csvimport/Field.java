package com.campagne.plugins.csvimport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A unified field a file column can feed; its key is what the {@code mapping} setting names. */
enum Field {
    DATE("date", Kind.DATE),
    DATE_END("dateEnd", Kind.DATE),
    ACCOUNT_ID("accountId", Kind.TEXT),
    ACCOUNT_NAME("accountName", Kind.TEXT),
    CAMPAIGN_ID("campaignId", Kind.DIMENSION),
    CAMPAIGN("campaign", Kind.DIMENSION),
    AD_GROUP_ID("adGroupId", Kind.DIMENSION),
    AD_GROUP("adGroup", Kind.DIMENSION),
    AD_ID("adId", Kind.DIMENSION),
    AD("ad", Kind.DIMENSION),
    CAMPAIGN_TYPE("campaignType", Kind.TEXT),
    CAMPAIGN_STATUS("campaignStatus", Kind.TEXT),
    CHANNEL("channel", Kind.DIMENSION),
    DEVICE("device", Kind.DIMENSION),
    COUNTRY("country", Kind.DIMENSION),
    CURRENCY("currency", Kind.TEXT),
    IMPRESSIONS("impressions", Kind.COUNT),
    CLICKS("clicks", Kind.COUNT),
    COST("cost", Kind.MONEY),
    CONVERSIONS("conversions", Kind.DECIMAL),
    CONVERSION_VALUE("conversionValue", Kind.MONEY),
    SESSIONS("sessions", Kind.COUNT),
    USERS("users", Kind.COUNT),
    NEW_USERS("newUsers", Kind.COUNT),
    PAGE_VIEWS("pageViews", Kind.COUNT),
    BOUNCES("bounces", Kind.COUNT),
    BOUNCE_RATE("bounceRate", Kind.RATE),
    VIDEO_VIEWS("videoViews", Kind.COUNT),
    ENGAGEMENTS("engagements", Kind.COUNT),
    LIKES("likes", Kind.COUNT),
    COMMENTS("comments", Kind.COUNT),
    SHARES("shares", Kind.COUNT),
    FOLLOWERS("followers", Kind.COUNT);

    /** How a cell of the field is read. */
    enum Kind { DATE, TEXT, DIMENSION, COUNT, DECIMAL, MONEY, RATE }

    private static final Map<String, Field> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toMap(f -> f.key.toLowerCase(Locale.ROOT), Function.identity()));

    final String key;
    final Kind kind;

    Field(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    /** Whether the field is a figure (a measure or a rate that gives one). */
    boolean measure() {
        return kind == Kind.COUNT || kind == Kind.DECIMAL || kind == Kind.MONEY || kind == Kind.RATE;
    }

    static Optional<Field> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key.trim().toLowerCase(Locale.ROOT)));
    }
}
