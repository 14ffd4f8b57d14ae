package com.campagne.reports;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ReportRepository extends JpaRepository<Report, UUID> {

    /** The archive of a client without the documents' bytes (a list must not load every PDF). */
    @Query("select new com.campagne.reports.ReportSummary(r.id, r.clientId, r.campaignId, r.kind, r.periodFrom,"
            + " r.periodTo, r.title, r.generatedAt, r.generatedBy, r.sentTo, r.sentAt) from Report r"
            + " where r.clientId = :clientId order by r.generatedAt desc")
    List<ReportSummary> summaries(UUID clientId);

    Optional<Report> findByScheduleIdAndPeriodFromAndPeriodTo(UUID scheduleId, LocalDate from, LocalDate to);
}
