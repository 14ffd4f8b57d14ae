package com.campagne.plans;

/**
 * Where one version of a media plan stands. Only a DRAFT can be edited; an APPROVED version is locked for
 * good (a change means a new version); REJECTED is a version the client sent back with a comment;
 * SUPERSEDED is a proposed version left behind when another one was approved. Labels: {@code plans.status.<NAME>}.
 */
public enum PlanStatus {
    DRAFT, PROPOSED, APPROVED, REJECTED, SUPERSEDED;

    public boolean editable() {
        return this == DRAFT;
    }
}
