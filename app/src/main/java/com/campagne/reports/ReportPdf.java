package com.campagne.reports;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.ObjectiveProgressService.Progress;
import com.campagne.analytics.PlanVsActual;
import com.campagne.base.documents.HtmlToPdf;
import com.campagne.base.ui.Formats;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.campagne.base.documents.HtmlToPdf.escape;

/**
 * The client report as a PDF, rendered from XHTML: A4 portrait, the agency's logo and brand colour, the
 * client and period, the manager's commentary, the KPI table against the previous period, the objectives,
 * the charts (PNG data URIs), plan vs actual, the breakdowns by channel and campaign, "Page 1 / 3".
 */
final class ReportPdf {

    private static final Set<String> RASTER_LOGOS = Set.of("image/png", "image/jpeg");
    /** The measures the breakdown tables show. */
    private static final List<Kpi> BREAKDOWN = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CTR,
            Kpi.CONVERSIONS, Kpi.CPA);

    private ReportPdf() {
    }

    static byte[] render(ReportContent c) {
        return HtmlToPdf.render(html(c));
    }

    static String html(ReportContent c) {
        ReportContent.Texts t = c.texts();
        Locale locale = c.locale();
        String color = c.brandColor();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(escape(c.title())).append("</title><style>")
                .append("@page { size: A4; margin: 14mm 13mm 16mm 13mm;")
                .append(" @bottom-right { content: \"").append(css(t.get("reports.pdf.page")))
                .append(" \" counter(page) \" / \" counter(pages); font-family: '").append(HtmlToPdf.FONT_FAMILY)
                .append("'; font-size: 7.5pt; color: #666; }")
                .append(" @bottom-left { content: \"").append(css(c.agencyName() + " — " + c.clientName()))
                .append("\"; font-family: '").append(HtmlToPdf.FONT_FAMILY).append("'; font-size: 7.5pt; color: #666; } }")
                .append("body { font-family: '").append(HtmlToPdf.FONT_FAMILY).append("'; font-size: 8.5pt; color: #222; }")
                .append("h1 { color: ").append(color).append("; font-size: 16pt; margin: 0 0 1mm 0; }")
                .append("h2 { color: ").append(color).append("; font-size: 11pt; margin: 6mm 0 2mm 0; padding-bottom: 1mm;")
                .append(" border-bottom: 1.2pt solid ").append(color).append("; page-break-after: avoid; }")
                .append(HtmlToPdf.brandedStyles(color))
                .append("img.chart { width: 100%; }")
                .append(".up { color: #26a269; } .down { color: #c01c28; }")
                .append(".commentary { padding: 2.5mm 3.5mm; border-left: 2pt solid ").append(color)
                .append("; background-color: #f4f6f8; white-space: pre-wrap; }")
                .append(".muted { color: #666; }")
                .append(".chart-block { page-break-inside: avoid; }")
                .append("</style></head><body>");

        h.append("<table class=\"head\"><tr><td>");
        if (c.logo() != null && RASTER_LOGOS.contains(c.logoType())) {
            h.append("<img class=\"logo\" alt=\"\" src=\"").append(HtmlToPdf.dataUri(c.logo(), c.logoType()))
                    .append("\"/><br/>");
        }
        h.append("<span class=\"agency\">").append(escape(c.agencyName())).append("</span></td>")
                .append("<td style=\"text-align: right;\"><h1>").append(escape(t.get("reports.pdf.heading." + c.kind().name())))
                .append("</h1><div>").append(escape(c.clientName()))
                .append(c.campaignName() == null ? "" : " — " + escape(c.campaignName())).append("</div></td></tr></table>");

        h.append("<table class=\"facts\"><tr>");
        fact(h, t.get("reports.pdf.client"), c.clientName());
        fact(h, t.get("reports.pdf.period"), ReportService.period(c.from(), c.to(), locale));
        h.append("</tr><tr>");
        fact(h, t.get("reports.pdf.campaign"), c.campaignName() == null ? t.get("reports.pdf.allCampaigns") : c.campaignName());
        fact(h, t.get("reports.pdf.comparedWith"), ReportService.period(c.previousFrom(), c.previousTo(), locale));
        h.append("</tr><tr>");
        fact(h, t.get("reports.pdf.currency"), c.currency());
        fact(h, t.get("reports.pdf.generated"), Formats.dateTime(c.generatedAt(), c.zone(), locale));
        h.append("</tr></table>");

        if (c.commentary() != null) {
            h.append("<h2>").append(escape(t.get("reports.pdf.commentary"))).append("</h2><div class=\"commentary\">")
                    .append(escape(c.commentary())).append("</div>");
        }

        h.append("<h2>").append(escape(t.get("reports.pdf.kpis"))).append("</h2>");
        if (!c.hasData()) {
            h.append("<p class=\"muted\">").append(escape(t.get("reports.pdf.noData"))).append("</p>");
        } else {
            h.append("<table class=\"grid\"><thead><tr><th>").append(escape(t.get("reports.col.kpi")))
                    .append("</th><th class=\"num\">").append(escape(t.get("reports.col.period")))
                    .append("</th><th class=\"num\">").append(escape(t.get("reports.col.previous")))
                    .append("</th><th class=\"num\">").append(escape(t.get("reports.col.change")))
                    .append("</th></tr></thead><tbody>");
            for (ReportContent.KpiRow row : c.kpis()) {
                BigDecimal change = row.change();
                String cls = change == null || change.signum() == 0 ? ""
                        : (change.signum() > 0) == row.kpi().higherIsBetter() ? " up" : " down";
                h.append("<tr><td>").append(escape(t.get(row.kpi().labelKey()))).append("</td><td class=\"num\">")
                        .append(escape(KpiFormat.format(row.kpi(), row.value(), c.currency(), locale)))
                        .append("</td><td class=\"num\">")
                        .append(escape(KpiFormat.format(row.kpi(), row.previous(), c.currency(), locale)))
                        .append("</td><td class=\"num").append(cls).append("\">")
                        .append(escape(change == null ? KpiFormat.UNKNOWN : signed(change, locale)))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        if (!c.objectives().isEmpty()) {
            h.append("<h2>").append(escape(t.get("reports.pdf.objectives"))).append("</h2>")
                    .append("<table class=\"grid\"><thead><tr><th>").append(escape(t.get("reports.col.objective")))
                    .append("</th><th>").append(escape(t.get("reports.col.kpi")))
                    .append("</th><th class=\"num\">").append(escape(t.get("reports.col.target")))
                    .append("</th><th class=\"num\">").append(escape(t.get("reports.col.measured")))
                    .append("</th><th>").append(escape(t.get("reports.col.status"))).append("</th></tr></thead><tbody>");
            for (Progress p : c.objectives()) {
                Kpi kpi = p.objective().getMetric();
                h.append("<tr><td>").append(escape(p.objective().getTitle())).append("</td><td>")
                        .append(escape(kpi == null ? "" : t.get(kpi.labelKey()))).append("</td><td class=\"num\">")
                        .append(escape(kpi == null ? "" : KpiFormat.format(kpi, p.objective().getTargetValue(), p.currency(), locale)))
                        .append("</td><td class=\"num\">")
                        .append(escape(kpi == null ? "" : KpiFormat.format(kpi, p.measured(), p.currency(), locale)))
                        .append("</td><td>").append(escape(t.get("reports.objective.status." + p.status().name())))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        if (c.dailyChart() != null) {
            h.append("<div class=\"chart-block\"><h2>").append(escape(t.get("reports.pdf.daily")))
                    .append("</h2><img class=\"chart\" alt=\"\" src=\"")
                    .append(HtmlToPdf.dataUri(c.dailyChart(), "image/png")).append("\"/></div>");
        }

        PlanVsActual pva = c.planVsActual();
        if (pva != null) {
            String cur = pva.currency();
            h.append("<h2>").append(escape(t.get("reports.pdf.planVsActual"))).append("</h2><table class=\"grid\"><tbody>");
            row(h, t.get("reports.plan.planned"), money(pva.plannedTotal(), cur, locale));
            row(h, t.get("reports.plan.plannedToDate", Formats.date(pva.asOf().isAfter(pva.end()) ? pva.end() : pva.asOf(), locale)),
                    money(pva.plannedToDate(), cur, locale));
            row(h, t.get("reports.plan.spent"), money(pva.actualToDate(), cur, locale));
            row(h, t.get("reports.plan.forecast"), money(pva.forecastTotal(), cur, locale));
            row(h, t.get("reports.plan.pacing"), pva.pacing() == null ? KpiFormat.UNKNOWN : KpiFormat.percent(pva.pacing(), locale));
            h.append("</tbody></table>");
        }

        if (!c.byChannel().isEmpty()) {
            h.append("<h2>").append(escape(t.get("reports.pdf.byChannel"))).append("</h2>");
            if (c.channelChart() != null) {
                h.append("<div class=\"chart-block\"><img class=\"chart\" alt=\"\" src=\"")
                        .append(HtmlToPdf.dataUri(c.channelChart(), "image/png")).append("\"/></div>");
            }
            breakdown(h, c, t.get("reports.col.channel"), c.byChannel(), true);
        }
        if (!c.byCampaign().isEmpty()) {
            h.append("<h2>").append(escape(t.get("reports.pdf.byCampaign"))).append("</h2>");
            breakdown(h, c, t.get("reports.col.campaign"), c.byCampaign(), false);
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void breakdown(StringBuilder h, ReportContent c, String firstColumn, Map<String, MetricTotals> rows,
                                  boolean channels) {
        ReportContent.Texts t = c.texts();
        h.append("<table class=\"grid\"><thead><tr><th>").append(escape(firstColumn)).append("</th>");
        for (Kpi kpi : BREAKDOWN) {
            h.append("<th class=\"num\">").append(escape(t.get("reports.short." + kpi.name()))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        rows.forEach((key, totals) -> {
            h.append("<tr><td>").append(escape(channels ? ReportService.channelLabel(key, t) : key)).append("</td>");
            for (Kpi kpi : BREAKDOWN) {
                h.append("<td class=\"num\">").append(escape(KpiFormat.format(kpi, totals.value(kpi, c.currency()),
                        c.currency(), c.locale()))).append("</td>");
            }
            h.append("</tr>");
        });
        h.append("</tbody></table>");
    }

    private static void fact(StringBuilder h, String label, String value) {
        h.append("<td class=\"k\">").append(escape(label)).append("</td><td>").append(escape(value)).append("</td>");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><td>").append(escape(label)).append("</td><td class=\"num\">").append(escape(value)).append("</td></tr>");
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? KpiFormat.UNKNOWN : Formats.money(amount, currency, locale);
    }

    /** A change with its sign: +12,50 %, −3,00 %. */
    static String signed(BigDecimal change, Locale locale) {
        String text = KpiFormat.percent(change.abs(), locale);
        return (change.signum() > 0 ? "+" : change.signum() < 0 ? "\u2212" : "") + text;
    }

    private static String css(String text) {
        return escape(text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "));
    }
}
