package com.campagne.analytics.dashboard;

import com.campagne.analytics.Kpi;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * A dashboard table as a file: CSV the way French Excel opens it (';' between fields, UTF-8 with a BOM, decimal
 * comma) or XLSX with real numbers and number formats. The table is plain data: a header, then rows whose first
 * cell is a label and the others the values of {@code kpis} (null for "—").
 */
public final class DashboardExport {

    /** A table to export. */
    public record Table(String firstHeader, List<String> headers, List<Kpi> kpis, List<Line> lines, String currency) {
    }

    /** One row: its label and one value per KPI. */
    public record Line(String label, List<BigDecimal> values) {
    }

    private DashboardExport() {
    }

    public static byte[] csv(Table table, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write('\uFEFF'); // the BOM tells Excel the file is UTF-8 (accents stay right)
            try (CsvWriter csv = CsvWriter.builder().fieldSeparator(';').build(out)) {
                String[] header = new String[table.headers().size() + 1];
                header[0] = table.firstHeader();
                for (int i = 0; i < table.headers().size(); i++) {
                    header[i + 1] = table.headers().get(i);
                }
                csv.writeRecord(header);
                DecimalFormat number = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(locale));
                for (Line line : table.lines()) {
                    String[] record = new String[line.values().size() + 1];
                    record[0] = line.label();
                    for (int i = 0; i < line.values().size(); i++) {
                        BigDecimal v = line.values().get(i);
                        record[i + 1] = v == null ? "" : number.format(v);
                    }
                    csv.writeRecord(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(Table table, String sheetName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            cell(header, 0, table.firstHeader(), bold);
            for (int i = 0; i < table.headers().size(); i++) {
                cell(header, i + 1, table.headers().get(i), bold);
            }
            CellStyle[] styles = new CellStyle[table.kpis().size()];
            for (int i = 0; i < styles.length; i++) {
                styles[i] = book.createCellStyle();
                styles[i].setDataFormat(book.createDataFormat().getFormat(format(table.kpis().get(i), table.currency())));
            }
            int r = 1;
            for (Line line : table.lines()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, line.label(), null);
                for (int i = 0; i < line.values().size(); i++) {
                    BigDecimal v = line.values().get(i);
                    if (v != null) {
                        Cell c = row.createCell(i + 1);
                        Kpi kpi = table.kpis().get(i);
                        // Percentages are 0–100 in Campagne, 0–1 in a spreadsheet's % format.
                        c.setCellValue(kpi.unit() == Kpi.Unit.PERCENT ? v.movePointLeft(2).doubleValue() : v.doubleValue());
                        c.setCellStyle(styles[i]);
                    }
                }
            }
            for (int i = 0; i <= table.headers().size(); i++) {
                sheet.setColumnWidth(i, i == 0 ? 40 * 256 : 18 * 256);
            }
            sheet.createFreezePane(1, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Kpi kpi, String currency) {
        return switch (kpi.unit()) {
            case MONEY -> "#,##0.00 \"" + currency + "\"";
            case PERCENT -> "0.00%";
            case RATIO -> "0.00";
            case COUNT -> "#,##0";
        };
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(text);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}
