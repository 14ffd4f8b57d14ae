package com.campagne.analytics.planvsactual;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.PlanVsActual;
import com.campagne.analytics.PlanVsActualService;
import com.campagne.analytics.PlanVsActualService.Detail;
import com.campagne.analytics.PlanVsActualService.KpiAgainstPlan;
import com.campagne.analytics.PlanVsActualService.LineActual;
import com.campagne.analytics.charts.ChartView;
import com.campagne.analytics.charts.Charts;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Plan versus actual for one campaign, ready to drop into a view: {@code add(new PlanVsActualPanel(service, id))}.
 * Summary cards (planned and spent to date, pacing, forecast against the plan), the cumulative spend chart with
 * the forecast to the end of the flight, the plan's volumes against the measured ones, and every line against
 * what its linked network campaign spent. Figures are counted to the last complete day (yesterday).
 */
public class PlanVsActualPanel extends VerticalLayout {

    /** Pacing within this band of the plan reads as on plan; outside it the card turns orange. */
    private static final BigDecimal LOW = new BigDecimal("90");
    private static final BigDecimal HIGH = new BigDecimal("110");

    private boolean planLink = true;
    private boolean built;
    private final PlanVsActualService service;
    private final UUID campaignId;

    public PlanVsActualPanel(PlanVsActualService service, UUID campaignId) {
        this.service = service;
        this.campaignId = campaignId;
        setId("plan-vs-actual");
        setPadding(false);
        setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!built) {
            refresh();
        }
    }

    /** Leaves out the empty state's link to the plan editor (when the panel sits in the plan editor itself). */
    public PlanVsActualPanel withoutPlanLink() {
        planLink = false;
        return this;
    }

    /** Reads the figures again. */
    public void refresh() {
        built = true;
        removeAll();
        Locale locale = getLocale();
        H3 heading = new H3(getTranslation("pva.title"));
        heading.getStyle().set("margin", "0.5rem 0 0");
        add(heading);
        Detail detail = service.detail(campaignId, locale).orElse(null);
        if (detail == null) {
            add(new Paragraph(getTranslation("pva.notFound")));
            return;
        }
        if (!detail.anyLinked()) {
            Anchor link = null;
            if (planLink) {
                link = new Anchor("clients/" + detail.clientId() + "/campaigns/" + campaignId + "/plan",
                        getTranslation("pva.empty.link"));
                link.setId("pva-plan-link");
            }
            EmptyState empty = new EmptyState(VaadinIcon.CHART_LINE, getTranslation("pva.empty.title"),
                    getTranslation(detail.lines().isEmpty() ? "pva.empty.noLines" : "pva.empty.text"), link);
            empty.setId("pva-empty");
            add(empty);
            return;
        }
        PlanVsActual spend = detail.spend();
        String currency = spend.currency();
        Paragraph asOf = new Paragraph(getTranslation("pva.asOf", Formats.date(spend.cut(), locale),
                Formats.date(spend.start(), locale), Formats.date(spend.end(), locale)));
        asOf.setId("pva-as-of");
        asOf.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color, #555)");
        add(asOf);
        if (detail.unlinkedLines() > 0) {
            Paragraph partial = new Paragraph(getTranslation(detail.unlinkedLines() == 1 ? "pva.unlinked.one"
                    : "pva.unlinked.many", detail.unlinkedLines(),
                    detail.lines().size()));
            partial.setId("pva-unlinked");
            partial.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                    .set("color", "#8a4b00");
            add(partial);
        }
        add(cards(spend, locale), chart(spend, locale), kpis(detail.kpis(), currency, locale),
                lines(detail.lines(), currency, locale));
    }

    private FlexLayout cards(PlanVsActual spend, Locale locale) {
        FlexLayout cards = new FlexLayout();
        cards.setId("pva-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m, 1rem)");
        cards.setWidthFull();
        String currency = spend.currency();
        cards.add(card("pva-card-planned", getTranslation("pva.card.planned"),
                Formats.money(spend.plannedToDate(), currency, locale),
                getTranslation("pva.card.planned.of", Formats.money(spend.plannedTotal(), currency, locale)), null));
        cards.add(card("pva-card-actual", getTranslation("pva.card.actual"),
                Formats.money(spend.actualToDate(), currency, locale), null, null));
        BigDecimal pacing = spend.pacing();
        boolean offPace = pacing != null && (pacing.compareTo(LOW) < 0 || pacing.compareTo(HIGH) > 0);
        cards.add(card("pva-card-pacing", getTranslation("pva.card.pacing"), KpiFormat.percent(pacing, locale),
                getTranslation(pacing == null ? "pva.card.pacing.none" : offPace
                        ? (pacing.compareTo(HIGH) > 0 ? "pva.card.pacing.over" : "pva.card.pacing.under")
                        : "pva.card.pacing.ok"), offPace ? "warn" : null));
        String forecastHint;
        String tone = null;
        if (spend.forecastTotal() == null) {
            forecastHint = getTranslation("pva.card.forecast.none");
        } else if (spend.forecastOverPlan()) {
            forecastHint = getTranslation("pva.card.forecast.over",
                    Formats.money(spend.forecastTotal().subtract(spend.plannedTotal()), currency, locale));
            tone = "error";
        } else {
            forecastHint = getTranslation("pva.card.forecast.within",
                    Formats.money(spend.plannedTotal(), currency, locale));
        }
        cards.add(card("pva-card-forecast", getTranslation("pva.card.forecast"),
                spend.forecastTotal() == null ? KpiFormat.UNKNOWN : Formats.money(spend.forecastTotal(), currency, locale),
                forecastHint, tone));
        return cards;
    }

    private Div card(String id, String label, String value, String hint, String tone) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("pva-card");
        String border = "error".equals(tone) ? "var(--lumo-error-color, #c01c28)"
                : "warn".equals(tone) ? "#e66100" : "var(--lumo-contrast-20pct, #ddd)";
        card.getStyle().set("flex", "1 1 11rem").set("min-width", "0").set("padding", "0.6rem 1rem")
                .set("border-radius", "10px").set("border", "1px solid " + border)
                .set("background", "error".equals(tone) ? "var(--lumo-error-color-10pct, #fde2e2)"
                        : "warn".equals(tone) ? "#fff1d6" : "var(--lumo-base-color, #fff)");
        if (tone != null) {
            card.getElement().setAttribute("data-tone", tone);
        }
        Span labelSpan = new Span(label);
        labelSpan.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("color", "var(--lumo-secondary-text-color, #555)");
        Span valueSpan = new Span(value);
        valueSpan.addClassName("pva-card-value");
        valueSpan.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xl, 1.375rem)")
                .set("font-weight", "700").set("white-space", "nowrap").set("font-variant-numeric", "tabular-nums");
        card.add(labelSpan, valueSpan);
        if (hint != null) {
            Span hintSpan = new Span(hint);
            hintSpan.addClassName("pva-card-hint");
            hintSpan.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs, 0.8125rem)")
                    .set("color", "error".equals(tone) ? "var(--lumo-error-text-color, #9b1c1c)"
                            : "warn".equals(tone) ? "#8a4b00" : "var(--lumo-secondary-text-color, #555)")
                    .set("font-weight", tone == null ? "400" : "600");
            card.add(hintSpan);
        }
        return card;
    }

    private ChartView chart(PlanVsActual spend, Locale locale) {
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(getTranslation("pva.chart.planned"),
                plot(PlanVsActual.cumulative(spend.plannedDaily())), false));
        // Days without a row spent nothing: the actual line runs flat through them up to the cut day.
        TreeMap<LocalDate, BigDecimal> actualDaily = new TreeMap<>();
        if (!spend.cut().isBefore(spend.start())) {
            spend.start().datesUntil(spend.cut().plusDays(1)).forEach(d -> actualDaily.put(d,
                    spend.actualDaily().getOrDefault(d, BigDecimal.ZERO)));
        }
        series.add(new Charts.Series(getTranslation("pva.chart.actual"), plot(PlanVsActual.cumulative(actualDaily)),
                false));
        if (!spend.forecastCumulative().isEmpty()) {
            series.add(new Charts.Series(getTranslation("pva.chart.forecast"), plot(spend.forecastCumulative()), true));
        }
        JFreeChart chart = Charts.timeSeries(series, locale);
        LocalDate today = spend.asOf().plusDays(1);
        if (!today.isBefore(spend.start()) && !today.isAfter(spend.end())) {
            ValueMarker marker = new ValueMarker(today.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli());
            marker.setPaint(new Color(0x5e5c64));
            marker.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {2f, 3f}, 0f));
            marker.setLabel(getTranslation("pva.chart.today"));
            marker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            chart.getXYPlot().addDomainMarker(marker);
        }
        ChartView view = new ChartView(chart, 900, 320);
        view.setId("pva-chart");
        view.getElement().setAttribute("aria-label", getTranslation("pva.chart.label"));
        view.getElement().setAttribute("role", "img");
        return view;
    }

    private static TreeMap<LocalDate, Double> plot(Map<LocalDate, BigDecimal> values) {
        TreeMap<LocalDate, Double> plotted = new TreeMap<>();
        values.forEach((day, value) -> plotted.put(day, Charts.plot(value)));
        return plotted;
    }

    private Div kpis(List<KpiAgainstPlan> kpis, String currency, Locale locale) {
        Div box = new Div();
        box.setId("pva-kpis");
        box.setWidthFull();
        H4 title = new H4(getTranslation("pva.kpis.title"));
        title.getStyle().set("margin", "0.5rem 0 0.25rem");
        box.add(title);
        Grid<KpiAgainstPlan> grid = new Grid<>();
        grid.setId("pva-kpi-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(k -> getTranslation(k.kpi().labelKey())).setHeader(getTranslation("pva.kpis.kpi"))
                .setAutoWidth(true);
        // A volume the plan does not set (clicks of a CPM line) shows as unknown, not as a promise of zero.
        grid.addColumn(k -> KpiFormat.format(k.kpi(), k.planned().signum() == 0 ? null : k.planned(), currency, locale))
                .setHeader(getTranslation("pva.kpis.planned")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(k -> KpiFormat.format(k.kpi(), k.planned().signum() == 0 ? null
                        : k.plannedToDate().setScale(0, java.math.RoundingMode.HALF_UP), currency, locale))
                .setHeader(getTranslation("pva.kpis.plannedToDate")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(k -> KpiFormat.format(k.kpi(), k.measured(), currency, locale))
                .setHeader(getTranslation("pva.kpis.measured")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(k -> KpiFormat.percent(k.pacing(), locale))
                .setHeader(getTranslation("pva.kpis.pacing")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(kpis);
        box.add(grid);
        return box;
    }

    private Div lines(List<LineActual> lines, String currency, Locale locale) {
        Div box = new Div();
        box.setId("pva-lines");
        box.setWidthFull();
        H4 title = new H4(getTranslation("pva.lines.title"));
        title.getStyle().set("margin", "0.5rem 0 0.25rem");
        box.add(title);
        Grid<LineActual> grid = new Grid<>();
        grid.setId("pva-line-grid");
        // Long network campaign names wrap rather than push the figures out of sight.
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(lines.size() <= 12);
        grid.addColumn(l -> getTranslation("pva.lines.line", l.line().getChannel() == null ? "" : getTranslation(l.line().getChannel().labelKey()),
                        Objects.toString(l.line().getPlacement(), "")))
                .setHeader(getTranslation("pva.lines.column.line")).setWidth("12rem").setFlexGrow(1);
        grid.addColumn(this::linkedLabel).setHeader(getTranslation("pva.lines.column.linked")).setWidth("14rem")
                .setFlexGrow(2);
        grid.addColumn(l -> Formats.money(l.plannedCost(), currency, locale))
                .setHeader(getTranslation("pva.lines.column.planned")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(l -> Formats.money(l.plannedToDate(), currency, locale))
                .setHeader(getTranslation("pva.lines.column.plannedToDate")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(l -> l.actualToDate() == null ? KpiFormat.UNKNOWN : Formats.money(l.actualToDate(), currency, locale))
                .setHeader(getTranslation("pva.lines.column.actual")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(l -> {
                    Span pacing = new Span(KpiFormat.percent(l.pacing(), locale));
                    pacing.addClassName("pva-line-pacing");
                    if (l.pacing() != null && (l.pacing().compareTo(LOW) < 0 || l.pacing().compareTo(HIGH) > 0)) {
                        pacing.getStyle().set("color", "#8a4b00").set("font-weight", "700");
                    }
                    return pacing;
                })
                .setHeader(getTranslation("pva.lines.column.pacing")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(lines);
        box.add(grid);
        return box;
    }

    private String linkedLabel(LineActual l) {
        if (l.line().getSyncedCampaignId() == null) {
            return getTranslation("pva.lines.notLinked");
        }
        return l.linked() == null ? l.line().getSyncedCampaignId()
                : getTranslation("pva.lines.linked", l.linked().name(), l.linked().network());
    }
}
