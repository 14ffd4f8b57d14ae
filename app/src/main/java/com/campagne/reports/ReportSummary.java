package com.campagne.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An archived report as the archive lists it, without its documents. */
public record ReportSummary(UUID id, UUID clientId, UUID campaignId, ReportKind kind, LocalDate periodFrom,
                            LocalDate periodTo, String title, Instant generatedAt, String generatedBy, String sentTo,
                            Instant sentAt) {
}
