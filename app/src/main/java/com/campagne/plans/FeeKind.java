package com.campagne.plans;

/** How the agency charges on a plan: nothing, a percentage of the media cost, or a flat amount. */
public enum FeeKind {
    NONE, PERCENT, FLAT
}
