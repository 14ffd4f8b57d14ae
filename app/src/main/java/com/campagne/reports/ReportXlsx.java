package com.campagne.reports;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.MetricTotals;
import com.campagne.base.documents.BrandedXlsx;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The client report as a workbook of real numbers with formats (not text): "KPI" (the period, the previous
 * one and the change), "Par jour" (one row a day) and "Par canal". Percentages are stored as fractions
 * formatted as % so that Excel computes with them.
 */
final class ReportXlsx {

    /** Row (0-based) of the KPI table's header on the first sheet; KPIs follow it. */
    static final int KPI_HEADER_ROW = 5;
    private static final List<Kpi> DAILY = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CONVERSIONS,
            Kpi.CONVERSION_VALUE, Kpi.SESSIONS);
    private static final List<Kpi> CHANNEL = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CTR, Kpi.CPC,
            Kpi.CONVERSIONS, Kpi.CPA, Kpi.CONVERSION_VALUE, Kpi.ROAS);

    private ReportXlsx() {
    }

    static byte[] render(ReportContent c) {
        ReportContent.Texts t = c.texts();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles s = new Styles(book, c.brandColor(), c.currency(), c);
            Sheet kpis = book.createSheet(t.get("reports.xlsx.sheet.kpis"));
            text(kpis.createRow(0), 0, c.title(), s.title);
            pair(kpis, 1, t.get("reports.pdf.client"), c.clientName());
            pair(kpis, 2, t.get("reports.pdf.campaign"), c.campaignName() == null ? t.get("reports.pdf.allCampaigns")
                    : c.campaignName());
            Row period = pair(kpis, 3, t.get("reports.pdf.period"), null);
            date(period, 1, c.from(), s.date);
            date(period, 2, c.to(), s.date);
            Row previous = pair(kpis, 4, t.get("reports.pdf.comparedWith"), null);
            date(previous, 1, c.previousFrom(), s.date);
            date(previous, 2, c.previousTo(), s.date);
            header(kpis.createRow(KPI_HEADER_ROW), s, t.get("reports.col.kpi"), t.get("reports.col.period"),
                    t.get("reports.col.previous"), t.get("reports.col.change"));
            int r = KPI_HEADER_ROW + 1;
            for (ReportContent.KpiRow row : c.kpis()) {
                Row line = kpis.createRow(r++);
                text(line, 0, t.get(row.kpi().labelKey()), null);
                value(line, 1, row.kpi(), row.value(), s);
                value(line, 2, row.kpi(), row.previous(), s);
                if (row.change() != null) {
                    number(line, 3, row.change().movePointLeft(2), s.percent);
                }
            }
            if (c.kpis().isEmpty()) {
                text(kpis.createRow(r), 0, t.get("reports.pdf.noData"), null);
            }
            widths(kpis, 40, 18, 18, 12);

            Sheet days = book.createSheet(t.get("reports.xlsx.sheet.daily"));
            String[] dayHeader = new String[DAILY.size() + 1];
            dayHeader[0] = t.get("reports.col.day");
            for (int i = 0; i < DAILY.size(); i++) {
                dayHeader[i + 1] = t.get(DAILY.get(i).labelKey());
            }
            header(days.createRow(0), s, dayHeader);
            int d = 1;
            for (Map.Entry<LocalDate, MetricTotals> e : c.daily().entrySet()) {
                Row line = days.createRow(d++);
                date(line, 0, e.getKey(), s.date);
                for (int i = 0; i < DAILY.size(); i++) {
                    value(line, i + 1, DAILY.get(i), e.getValue().value(DAILY.get(i), c.currency()), s);
                }
            }
            widths(days, 14, 16, 16, 12, 14, 18, 12);

            Sheet channels = book.createSheet(t.get("reports.xlsx.sheet.channels"));
            String[] channelHeader = new String[CHANNEL.size() + 1];
            channelHeader[0] = t.get("reports.col.channel");
            for (int i = 0; i < CHANNEL.size(); i++) {
                channelHeader[i + 1] = t.get(CHANNEL.get(i).labelKey());
            }
            header(channels.createRow(0), s, channelHeader);
            int ch = 1;
            for (Map.Entry<String, MetricTotals> e : c.byChannel().entrySet()) {
                Row line = channels.createRow(ch++);
                text(line, 0, ReportService.channelLabel(e.getKey(), t), null);
                for (int i = 0; i < CHANNEL.size(); i++) {
                    value(line, i + 1, CHANNEL.get(i), e.getValue().value(CHANNEL.get(i), c.currency()), s);
                }
            }
            widths(channels, 24, 16, 16, 12, 12, 14, 12, 14, 16, 10);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A KPI's value as a number in its unit's format; nothing when unknown. */
    private static void value(Row row, int column, Kpi kpi, BigDecimal value, Styles s) {
        if (value == null) {
            return;
        }
        switch (kpi.unit()) {
            case MONEY -> number(row, column, value, s.money);
            case PERCENT -> number(row, column, value.movePointLeft(2), s.percent);
            case RATIO -> number(row, column, value, s.decimal);
            case COUNT -> number(row, column, value, value.stripTrailingZeros().scale() > 0 ? s.decimal : s.integer);
        }
    }

    private static Row pair(Sheet sheet, int rowIndex, String label, String value) {
        Row row = sheet.createRow(rowIndex);
        text(row, 0, label, null);
        if (value != null) {
            text(row, 1, value, null);
        }
        return row;
    }

    private static void header(Row row, Styles s, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            text(row, i, labels[i], s.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle money;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle date;

        Styles(XSSFWorkbook book, String brandColor, String currency, ReportContent c) {
            var formats = book.createDataFormat();
            Currency unit = Currency.getInstance(currency);
            String symbol = " \"" + unit.getSymbol(c.locale()).replace("\"", "") + "\"";
            int digits = Math.max(unit.getDefaultFractionDigits(), 0);
            title = BrandedXlsx.title(book, brandColor);
            header = BrandedXlsx.header(book, brandColor);
            money = book.createCellStyle();
            money.setDataFormat(formats.getFormat((digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)) + symbol));
            integer = book.createCellStyle();
            integer.setDataFormat(formats.getFormat("#,##0"));
            decimal = book.createCellStyle();
            decimal.setDataFormat(formats.getFormat("#,##0.00"));
            percent = book.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.00%"));
            date = book.createCellStyle();
            date.setDataFormat(formats.getFormat("dd/mm/yyyy"));
        }
    }
}
