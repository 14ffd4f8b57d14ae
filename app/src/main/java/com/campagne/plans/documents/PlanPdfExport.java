package com.campagne.plans.documents;

import com.campagne.base.documents.HtmlToPdf;
import com.campagne.base.ui.Formats;
import com.campagne.plans.Campaign;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.money.LineCost;
import com.campagne.plans.money.Money;
import com.campagne.plans.money.PlanTotals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.campagne.base.documents.HtmlToPdf.escape;

/**
 * The client-ready plan: A4 landscape, the agency's logo and colour, who and what (client, campaign, version,
 * status, period, objective, target), the lines (the table header repeats on every page), totals by channel
 * with shares and by month, media cost, fee, grand total against the budget, the approval, "Page 1 / 3".
 */
final class PlanPdfExport {

    /** Logos the PDF renderer draws without an SVG add-on. */
    private static final Set<String> RASTER_LOGOS = Set.of("image/png", "image/jpeg");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PlanPdfExport() {
    }

    static byte[] export(PlanDocument doc) {
        return HtmlToPdf.render(html(doc));
    }

    static String html(PlanDocument doc) {
        DocumentTexts t = doc.texts();
        Locale locale = t.locale();
        PlanView view = doc.view();
        MediaPlan plan = view.plan();
        Campaign campaign = view.campaign();
        PlanTotals totals = view.totals();
        Currency currency = view.currency();
        String color = doc.brandColor();
        StringBuilder h = new StringBuilder(16_384 + view.lines().size() * 600);
        h.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(escape(t.get("documents.title", campaign.getName()))).append("</title><style>")
                .append("@page { size: A4 landscape; margin: 12mm 12mm 15mm 12mm;")
                .append(" @bottom-right { content: \"").append(css(t.get("documents.pdf.page")))
                .append(" \" counter(page) \" / \" counter(pages); font-family: '").append(HtmlToPdf.FONT_FAMILY)
                .append("'; font-size: 7.5pt; color: #666; }")
                .append(" @bottom-left { content: \"").append(css(doc.agencyName() + " — " + campaign.getName() + " — "
                        + plan.displayName())).append("\"; font-family: '").append(HtmlToPdf.FONT_FAMILY)
                .append("'; font-size: 7.5pt; color: #666; } }")
                .append("body { font-family: '").append(HtmlToPdf.FONT_FAMILY).append("'; font-size: 8pt; color: #222; }")
                .append("h1 { color: ").append(color).append("; font-size: 17pt; margin: 0 0 1mm 0; }")
                .append("h2 { color: ").append(color).append("; font-size: 10.5pt; margin: 5mm 0 2mm 0; padding-bottom: 1mm;")
                .append(" border-bottom: 1.2pt solid ").append(color).append("; page-break-after: avoid; }")
                .append(HtmlToPdf.brandedStyles(color))
                .append(".nowrap { white-space: nowrap; }")
                .append("table.side { width: 100%; } td.half { vertical-align: top; width: 50%; }")
                .append("table.summary td { padding: 1mm 6mm 1mm 0; }")
                .append("table.summary tr.grand td { font-weight: bold; font-size: 10pt; color: ").append(color).append("; }")
                .append(".over { color: #B00020; font-weight: bold; }")
                .append(".status { margin-top: 3mm; padding: 2mm 3mm; border-left: 2pt solid ").append(color)
                .append("; background-color: #f4f6f8; }")
                .append("</style></head><body>");

        // Heading: logo and agency on the left, title on the right.
        h.append("<table class=\"head\"><tr><td>");
        if (doc.logo() != null && RASTER_LOGOS.contains(doc.logoType())) {
            h.append("<img class=\"logo\" alt=\"\" src=\"").append(HtmlToPdf.dataUri(doc.logo(), doc.logoType()))
                    .append("\"/><br/>");
        }
        h.append("<span class=\"agency\">").append(escape(doc.agencyName())).append("</span></td>")
                .append("<td style=\"text-align: right;\"><h1>").append(escape(t.get("documents.pdf.title")))
                .append("</h1><div>").append(escape(campaign.getName())).append(" — ").append(escape(plan.displayName()))
                .append("</div></td></tr></table>");

        h.append("<table class=\"facts\"><tr>");
        fact(h, t.get("documents.client"), doc.clientName());
        fact(h, t.get("documents.campaign"), campaign.getName());
        fact(h, t.get("documents.version"), plan.displayName());
        h.append("</tr><tr>");
        fact(h, t.get("documents.period"), flight(campaign.getStartDate(), campaign.getEndDate()));
        fact(h, t.get("documents.objective"), campaign.getObjective() == null ? ""
                : t.get("campaigns.objective." + campaign.getObjective().name()));
        fact(h, t.get("documents.budget"), view.hasBudget() ? money(totals.budget().amount(), currency, locale)
                : t.get("documents.pdf.noBudget"));
        h.append("</tr><tr>");
        fact(h, t.get("documents.audience"), audience(campaign, t));
        fact(h, t.get("documents.status"), t.get("plans.status." + plan.getStatus().name()));
        fact(h, t.get("documents.currency"), currency.getCurrencyCode());
        h.append("</tr></table>");

        // The lines.
        h.append("<h2>").append(escape(t.get("documents.pdf.lines", view.lines().size()))).append("</h2>");
        h.append("<table class=\"grid\"><thead><tr>");
        for (String key : new String[]{"documents.col.position", "documents.col.channel", "documents.col.vendor",
                "documents.col.placement", "documents.col.format", "documents.col.buyingModel"}) {
            h.append("<th>").append(escape(t.get(key))).append("</th>");
        }
        for (String key : new String[]{"documents.col.netPrice", "documents.col.volume", "documents.col.cost"}) {
            h.append("<th class=\"num\">").append(escape(t.get(key))).append("</th>");
        }
        h.append("<th>").append(escape(t.get("documents.flight"))).append("</th></tr></thead><tbody>");
        int position = 1;
        for (PlanLineItem line : view.lines()) {
            LineCost cost = line.lineCost(currency);
            h.append("<tr><td class=\"num\">").append(position++).append("</td><td>")
                    .append(escape(t.get("plans.channel." + line.getChannel().name()))).append("</td><td>")
                    .append(escape(view.vendorName(line))).append("</td><td>")
                    .append(escape(line.getPlacement())).append("</td><td>")
                    .append(escape(line.getFormat())).append("</td><td>")
                    .append(escape(t.get("plans.buyingModel.short." + line.getBuyingModel().name()))).append("</td><td class=\"num\">")
                    .append(escape(price(cost.netUnitPrice().amount(), currency, locale))).append("</td><td class=\"num\">")
                    .append(line.getBuyingModel().usesVolume() && line.getVolume() != null
                            ? escape(Formats.number(line.getVolume(), locale)) : "").append("</td><td class=\"num\">")
                    .append(escape(money(line.getCost(), currency, locale))).append("</td><td class=\"nowrap\">")
                    .append(escape(flight(line.getStartDate(), line.getEndDate()))).append("</td></tr>");
        }
        h.append("<tr class=\"total\"><td></td><td colspan=\"7\">").append(escape(t.get("documents.mediaCost")))
                .append("</td><td class=\"num\">").append(escape(money(totals.mediaCost().amount(), currency, locale)))
                .append("</td><td></td></tr></tbody></table>");

        // Breakdowns side by side.
        h.append("<table class=\"side\"><tr><td class=\"half\" style=\"padding-right: 6mm;\"><h2>")
                .append(escape(t.get("documents.byChannel"))).append("</h2><table class=\"grid\"><thead><tr><th>")
                .append(escape(t.get("documents.col.channel"))).append("</th><th class=\"num\">")
                .append(escape(t.get("documents.col.cost"))).append("</th><th class=\"num\">")
                .append(escape(t.get("documents.share"))).append("</th></tr></thead><tbody>");
        Map<String, BigDecimal> shares = totals.channelShares();
        for (Map.Entry<String, Money> e : totals.byChannel().entrySet()) {
            h.append("<tr><td>").append(escape(t.get("plans.channel." + e.getKey()))).append("</td><td class=\"num\">")
                    .append(escape(money(e.getValue().amount(), currency, locale))).append("</td><td class=\"num\">")
                    .append(escape(percent(shares.get(e.getKey()), locale))).append("</td></tr>");
        }
        h.append("</tbody></table></td><td class=\"half\"><h2>").append(escape(t.get("documents.byMonth")))
                .append("</h2><table class=\"grid\"><thead><tr><th>").append(escape(t.get("documents.month")))
                .append("</th><th class=\"num\">").append(escape(t.get("documents.col.cost")))
                .append("</th></tr></thead><tbody>");
        DateTimeFormatter month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        totals.byMonth().forEach((m, amount) -> h.append("<tr><td>").append(escape(capitalise(month.format(m), locale)))
                .append("</td><td class=\"num\">").append(escape(money(amount.amount(), currency, locale)))
                .append("</td></tr>"));
        h.append("</tbody></table></td></tr></table>");

        // Totals against the budget, then where the client's decision stands.
        h.append("<h2>").append(escape(t.get("documents.pdf.totals"))).append("</h2><table class=\"summary\">");
        summary(h, t.get("documents.mediaCost"), money(totals.mediaCost().amount(), currency, locale), null);
        String feeLabel = plan.getFeeKind() == FeeKind.PERCENT && plan.getFeeValue() != null
                ? t.get("documents.agencyFee.percent", Formats.number(plan.getFeeValue(), locale))
                : t.get("documents.agencyFee");
        summary(h, feeLabel, money(totals.agencyFee().amount(), currency, locale), null);
        summary(h, t.get("documents.grandTotal"), money(totals.grandTotal().amount(), currency, locale), "grand");
        if (view.hasBudget()) {
            summary(h, t.get("documents.budget"), money(totals.budget().amount(), currency, locale), null);
            summary(h, t.get("documents.remaining"), money(totals.remainingBudget().amount(), currency, locale),
                    view.overBudget() ? "over" : null);
        }
        h.append("</table>");
        if (view.overBudget()) {
            h.append("<p class=\"over\">").append(escape(t.get("documents.overBudget",
                    money(totals.overBudgetAmount().amount(), currency, locale)))).append("</p>");
        }
        h.append("<div class=\"status\">").append(escape(decision(plan, doc))).append("</div>");
        h.append("</body></html>");
        return h.toString();
    }

    private static String decision(MediaPlan plan, PlanDocument doc) {
        DocumentTexts t = doc.texts();
        String at = plan.getDecidedAt() == null ? "" : DAY.format(plan.getDecidedAt().atZone(doc.zone()));
        String by = plan.getDecidedByName() == null ? "" : plan.getDecidedByName();
        String text = plan.getStatus() == PlanStatus.APPROVED ? t.get("documents.pdf.approved", at, by)
                : plan.getStatus() == PlanStatus.REJECTED ? t.get("documents.pdf.rejected", at, by)
                : t.get("documents.pdf.status." + (plan.getStatus() == PlanStatus.PROPOSED ? "proposed" : "other"),
                t.get("plans.status." + plan.getStatus().name()));
        return plan.getDecisionComment() == null ? text : text + " — «\u00a0" + plan.getDecisionComment() + "\u00a0»";
    }

    private static String audience(Campaign campaign, DocumentTexts t) {
        StringBuilder s = new StringBuilder();
        if (campaign.getAudience() != null && !campaign.getAudience().isBlank()) {
            s.append(campaign.getAudience().strip());
        }
        if (campaign.getAgeMin() != null || campaign.getAgeMax() != null) {
            append(s, t.get("documents.ages", campaign.getAgeMin() == null ? "" : String.valueOf(campaign.getAgeMin()),
                    campaign.getAgeMax() == null ? "" : String.valueOf(campaign.getAgeMax())));
        }
        if (campaign.getGeography() != null && !campaign.getGeography().isBlank()) {
            append(s, campaign.getGeography().strip());
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String part) {
        if (!s.isEmpty()) {
            s.append(" · ");
        }
        s.append(part);
    }

    private static void fact(StringBuilder h, String label, String value) {
        h.append("<td class=\"k\">").append(escape(label)).append("</td><td>").append(escape(value)).append("</td>");
    }

    private static void summary(StringBuilder h, String label, String value, String rowClass) {
        h.append(rowClass == null ? "<tr>" : "<tr class=\"" + rowClass + "\">").append("<td>").append(escape(label))
                .append("</td><td class=\"num").append("over".equals(rowClass) ? " over" : "").append("\">")
                .append(escape(value)).append("</td></tr>");
    }

    private static String flight(LocalDate start, LocalDate end) {
        return (start == null ? "" : DAY.format(start)) + " – " + (end == null ? "" : DAY.format(end));
    }

    private static String money(BigDecimal amount, Currency currency, Locale locale) {
        return amount == null ? "" : Formats.money(amount, currency.getCurrencyCode(), locale);
    }

    /** A unit price keeps up to 4 decimals (a net CPM of 7,3125 €), at least the currency's. */
    private static String price(BigDecimal amount, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Formats.conventions(locale));
        format.setCurrency(currency);
        format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
        format.setMaximumFractionDigits(4);
        return format.format(amount);
    }

    private static String percent(BigDecimal share, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(Formats.conventions(locale));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share == null ? BigDecimal.ZERO : share) + ("fr".equals(locale.getLanguage()) ? "\u00a0%" : "%");
    }

    private static String capitalise(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /** Text inside a CSS string literal of the (XML) style element. */
    private static String css(String text) {
        return escape(text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "));
    }
}
