package com.campagne.plans;

/**
 * The media channels a line item can buy. Labels: {@code plans.channel.<NAME>}. The names are stored, so
 * they never change; new channels are added at the end.
 */
public enum Channel {
    DISPLAY, SEARCH, SOCIAL, EMAILING, AFFILIATION, PARTNERSHIP, SEO_CONTENT, TV, RADIO, PRESS, OUTDOOR, CINEMA, EVENT
}
