package com.campagne.plans.approval.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.Channel;
import com.campagne.plans.approval.ApprovalLinkService.LinkStatus;
import com.campagne.plans.approval.ApprovalTokens.Refusal;

import java.time.LocalDate;
import java.util.Locale;

/** Labels and dates shared by the approval screens; keys written out in full so the bundle check sees them. */
final class ApprovalTexts {

    private ApprovalTexts() {
    }

    static String date(LocalDate date, Locale locale) {
        // A calendar day, not an instant: formatted at UTC midnight so no time zone can shift it.
        return date == null ? "" : Formats.date(date, locale);
    }

    static String channelKey(String channelName) {
        return Channel.valueOf(channelName).labelKey();
    }

    static String statusKey(LinkStatus status) {
        return switch (status) {
            case PENDING -> "approval.status.PENDING";
            case APPROVED -> "approval.status.APPROVED";
            case COMMENTED -> "approval.status.COMMENTED";
            case EXPIRED -> "approval.status.EXPIRED";
            case REVOKED -> "approval.status.REVOKED";
        };
    }

    static String refusalKey(Refusal refusal) {
        return switch (refusal) {
            case INVALID -> "approval.refused.INVALID";
            case EXPIRED -> "approval.refused.EXPIRED";
            case USED -> "approval.refused.USED";
            case REVOKED -> "approval.refused.REVOKED";
            case PLAN_CHANGED -> "approval.refused.PLAN_CHANGED";
        };
    }
}
