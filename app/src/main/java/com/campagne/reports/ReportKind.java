package com.campagne.reports;

/** Why a report was made. Stored by name. Labels: {@code reports.kind.<NAME>}. */
public enum ReportKind {
    /** Asked for by a person, for any period. */
    ON_DEMAND,
    /** Every Monday, for the week (Monday to Sunday) before. */
    WEEKLY,
    /** On the 1st, for the month before. */
    MONTHLY,
    /** The day after a campaign's last day: the "bilan", every figure of its whole period and the ROI. */
    END_OF_CAMPAIGN
}
