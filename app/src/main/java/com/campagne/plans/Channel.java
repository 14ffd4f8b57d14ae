package com.campagne.plans;

/**
 * The media channels a line item can buy. Labels: {@code plans.channel.<NAME>}. The names are stored, so
 * they never change; new channels are added at the end.
 */
public enum Channel {
    DISPLAY, SEARCH, SOCIAL, EMAILING, AFFILIATION, PARTNERSHIP, SEO_CONTENT, TV, RADIO, PRESS, OUTDOOR, CINEMA, EVENT;

    /** The message key of the channel's label; written out in full so the bundle check sees each key. */
    public String labelKey() {
        return switch (this) {
            case DISPLAY -> "plans.channel.DISPLAY";
            case SEARCH -> "plans.channel.SEARCH";
            case SOCIAL -> "plans.channel.SOCIAL";
            case EMAILING -> "plans.channel.EMAILING";
            case AFFILIATION -> "plans.channel.AFFILIATION";
            case PARTNERSHIP -> "plans.channel.PARTNERSHIP";
            case SEO_CONTENT -> "plans.channel.SEO_CONTENT";
            case TV -> "plans.channel.TV";
            case RADIO -> "plans.channel.RADIO";
            case PRESS -> "plans.channel.PRESS";
            case OUTDOOR -> "plans.channel.OUTDOOR";
            case CINEMA -> "plans.channel.CINEMA";
            case EVENT -> "plans.channel.EVENT";
        };
    }
}
