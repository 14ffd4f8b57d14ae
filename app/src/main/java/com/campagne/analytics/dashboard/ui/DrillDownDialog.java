package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.MeasureSums;
import com.campagne.analytics.MetricsQuery;
import com.campagne.analytics.MetricsQuery.FactRow;
import com.campagne.base.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The raw rows behind a figure, as synced: what a user checks when a number surprises them. */
class DrillDownDialog extends Dialog {

    DrillDownDialog(String what, List<FactRow> rows, Map<String, String> campaigns, Map<String, String> connections,
                    Function<String, String> channelLabel) {
        setId("drill-dialog");
        setHeaderTitle(getTranslation("dashboard.drill.title", what));
        setWidth("min(1100px, 95vw)");
        Locale locale = getLocale();
        Paragraph count = new Paragraph(rows.size() >= MetricsQuery.MAX_ROWS_BEHIND
                ? getTranslation("dashboard.drill.capped", MetricsQuery.MAX_ROWS_BEHIND)
                : getTranslation("dashboard.drill.count", Formats.number(rows.size(), getLocale())));
        count.setId("drill-count");
        Grid<FactRow> grid = new Grid<>();
        grid.setId("drill-grid");
        grid.addColumn(r -> Formats.date(r.day(), locale)).setHeader(getTranslation("dashboard.drill.day"))
                .setSortable(true).setComparator(FactRow::day);
        grid.addColumn(r -> connections.getOrDefault(r.connectionId().toString(), ""))
                .setHeader(getTranslation("dashboard.filter.connection"));
        grid.addColumn(r -> r.campaignId() == null ? "" : campaigns.getOrDefault(
                        r.connectionId() + "|" + r.accountId() + "|" + r.campaignId(), r.campaignId()))
                .setHeader(getTranslation("dashboard.filter.campaign")).setFlexGrow(2);
        grid.addColumn(r -> r.channel() == null ? "" : channelLabel.apply(r.channel()))
                .setHeader(getTranslation("dashboard.filter.channel"));
        grid.addColumn(r -> r.device() == null ? "" : r.device()).setHeader(getTranslation("dashboard.filter.device"));
        grid.addColumn(r -> r.country() == null ? "" : r.country()).setHeader(getTranslation("dashboard.filter.country"));
        grid.addColumn(r -> count(r.measures().impressions(), locale)).setHeader(getTranslation("kpi.IMPRESSIONS"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> count(r.measures().clicks(), locale)).setHeader(getTranslation("kpi.CLICKS"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> money(r.measures(), r.currency(), locale)).setHeader(getTranslation("kpi.COST"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> decimal(r.measures().conversions(), locale)).setHeader(getTranslation("kpi.CONVERSIONS"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> count(r.measures().sessions(), locale)).setHeader(getTranslation("kpi.SESSIONS"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setItems(rows);
        grid.setHeight("60vh");
        add(count, grid);
        Button close = new Button(getTranslation("dashboard.drill.close"), e -> close());
        close.setId("drill-close");
        getFooter().add(close);
    }

    private static String count(Long value, Locale locale) {
        return value == null ? "—" : Formats.number(value, locale);
    }

    private static String decimal(BigDecimal value, Locale locale) {
        return value == null ? "—" : Formats.number(value, locale);
    }

    private static String money(MeasureSums m, String currency, Locale locale) {
        if (m.cost() == null) {
            return "—";
        }
        return currency == null || currency.isBlank() ? Formats.number(m.cost(), locale)
                : Formats.money(m.cost(), currency, locale);
    }
}
