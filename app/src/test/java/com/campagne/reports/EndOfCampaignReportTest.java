package com.campagne.reports;

import com.campagne.analytics.DemoLinkedCampaign;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.ui.Formats;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.support.BrowserTest;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-of-campaign report ("bilan") of a campaign whose plan line is linked to a demo campaign synced by the
 * engine: it covers the campaign's whole flight whatever period is asked, and its cost, conversion value and
 * ROI ((value − cost) ÷ cost) are those computed here from the raw fact rows of the linked network campaign.
 */
class EndOfCampaignReportTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired DataSource dataSource;
    @Autowired ReportService reports;
    @Autowired Clock clock;

    @Test
    void theBilanCoversTheWholeFlightAndStatesTheRoiOfTheRawRows() throws Exception {
        CampagneUser owner = new ObjectiveFixture(context).owner("Agence Bilan " + UUID.randomUUID().toString()
                .substring(0, 6));
        DemoLinkedCampaign demo = DemoLinkedCampaign.create(context, owner, "Jardinerie Leroy", "Printemps au jardin");

        // Asked for one week: the bilan takes the flight instead.
        Report report = as(owner, () -> reports.generate(new ReportService.Request(demo.clientId(), demo.campaignId(),
                ReportKind.END_OF_CAMPAIGN, demo.end().minusDays(6), demo.end(), "Objectif de ventes dépassé.",
                Locale.FRENCH), List.of()));
        assertThat(report.getKind()).isEqualTo(ReportKind.END_OF_CAMPAIGN);
        assertThat(report.getPeriodFrom()).isEqualTo(demo.start());
        assertThat(report.getPeriodTo()).isEqualTo(demo.end());
        assertThat(report.getTitle()).startsWith("Bilan");

        Map<String, Object> raw = TenantSql.one(dataSource, demo.tenantId(), "select sum(cost) as cost,"
                        + " sum(conversion_value) as value from metric_facts where connection_id = ? and account_id = ?"
                        + " and campaign_id = ? and currency = 'EUR' and day between ? and ?",
                demo.connectionId(), demo.accountId(), demo.networkCampaignId(), demo.start(), demo.end());
        BigDecimal cost = (BigDecimal) raw.get("cost");
        BigDecimal value = (BigDecimal) raw.get("value");
        assertThat(cost).as("demo spend on the linked campaign").isPositive();
        assertThat(value).as("demo conversion value on the linked campaign").isPositive();
        BigDecimal roi = value.subtract(cost).multiply(BigDecimal.valueOf(100)).divide(cost, 6, RoundingMode.HALF_UP);

        // The PDF's lines run "label value previous change": whitespace (wrapped labels) is folded to one space.
        String text = ReportFixture.pdfText(report.getPdf()).replaceAll("\\s+", " ");
        assertThat(text).contains("Bilan de campagne", "Printemps au jardin", "Objectif de ventes dépassé.")
                .contains("Coût " + money(cost))
                .contains("Valeur des conversions " + money(value))
                .contains("Retour sur investissement (ROI) "
                        + ReportFixture.normalise(KpiFormat.format(Kpi.ROI, roi, "EUR", Locale.FRENCH)));
        assertThat(text).as("the period shown is the flight").contains(ReportFixture.normalise(
                ReportService.period(demo.start(), demo.end(), Locale.FRENCH)));
        // Made before the end, it compares with the plan up to yesterday and forecasts the rest at that pace.
        assertThat(text).contains("Prévu au " + ReportFixture.normalise(Formats.date(LocalDate.now(clock)
                .minusDays(1), Locale.FRENCH)));
        pages(report.getPdf(), "report-bilan-fr");

        // The same bilan for an English-speaking client: English words, British formats.
        Report english = as(owner, () -> reports.generate(new ReportService.Request(demo.clientId(),
                demo.campaignId(), ReportKind.END_OF_CAMPAIGN, null, null, "Sales target beaten.", Locale.ENGLISH),
                List.of()));
        String englishText = ReportFixture.pdfText(english.getPdf()).replaceAll("\\s+", " ");
        assertThat(englishText).contains("Campaign final report", "Sales target beaten.")
                .contains("Cost " + Formats.money(cost, "EUR", Locale.ENGLISH))
                .contains("Return on investment (ROI) " + KpiFormat.format(Kpi.ROI, roi, "EUR", Locale.ENGLISH))
                .doesNotContain("Coût", "Période", "Bilan de campagne");
        pages(english.getPdf(), "report-bilan-en");
    }

    /** Each page as a PNG under target/screenshots, to look at. */
    private static void pages(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            Files.createDirectories(BrowserTest.SCREENSHOTS);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 90);
                ImageIO.write(image, "png", BrowserTest.SCREENSHOTS.resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        }
    }

    private static String money(BigDecimal amount) {
        return ReportFixture.normalise(Formats.money(amount, "EUR", Locale.FRENCH));
    }
}
