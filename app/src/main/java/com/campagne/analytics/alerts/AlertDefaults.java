package com.campagne.analytics.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules a tenant starts with, one per kind, tenant-wide, created the first time its alerts are looked at or
 * evaluated. Rules are disabled, never deleted, so "no rule at all" only ever means "never set up".
 */
final class AlertDefaults {

    private AlertDefaults() {
    }

    /** The tenant's rules, the defaults created first if it has none. Call inside the tenant's transaction. */
    static List<AlertRule> ensure(AlertRuleRepository rules, UUID createdBy, Instant now) {
        List<AlertRule> all = rules.findAllByOrderByKindAscCreatedAtAsc();
        if (!all.isEmpty()) {
            return all;
        }
        List<AlertRule> created = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            created.add(new AlertRule(kind, createdBy, now));
        }
        return rules.saveAll(created);
    }
}
