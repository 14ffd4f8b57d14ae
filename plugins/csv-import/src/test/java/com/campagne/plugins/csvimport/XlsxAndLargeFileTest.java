package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.MarketingRecord;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import static com.campagne.plugins.csvimport.Fixtures.context;
import static com.campagne.plugins.csvimport.Fixtures.request;
import static com.campagne.plugins.csvimport.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxAndLargeFileTest {

    private final CsvImportConnector connector = new CsvImportConnector();

    /** A Meta Ads Manager export saved as XLSX: real dates, numbers and a text date, one bad row. */
    private static byte[] metaWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Campagne", "1.0");
        Worksheet sheet = workbook.newWorksheet("Raw Data Report");
        String[] headers = {"Reporting starts", "Reporting ends", "Campaign name", "Ad set name", "Impressions",
                "Link clicks", "Amount spent (USD)", "Purchases", "Purchases conversion value"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
        }
        Object[][] rows = {
                {LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), "Black Friday", "Lookalike 1%", 5200, 180, 95.5, 4, 320.0},
                {LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24), "Black Friday", "Lookalike 1%", 6100, 205, 110.25, null, null},
                {"2026-11-25", "2026-11-25", "Black Friday", "Lookalike 1%", "abc", 10, 1.0, 0, 0.0},
                {"2026-11-26", "2026-11-26", "Black Friday", "Lookalike 1%", 4800, 150, 80, 2, 150.0}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object value = rows[r][c];
                if (value instanceof LocalDate date) {
                    sheet.value(r + 1, c, date);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (value instanceof String text) {
                    sheet.value(r + 1, c, text);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void xlsxExportIsReadWithItsRowNumbers() throws IOException {
        Settings settings = settings(Fixtures.bytes("meta.xlsx", metaWorkbook()), "onError", "skip-bad-lines");
        assertThat(connector.check(context(), settings).message().en()).isEqualTo("File \"meta.xlsx\" recognised: "
                + "Meta Ads (header on line 1), 3 line(s) from 2026-11-23 to 2026-11-26, 1 campaign(s). 1 bad line(s) will be skipped.");
        Fixtures.Sink sink = new Fixtures.Sink();
        connector.read(context(), request(settings, "csv-import", null), sink);
        assertThat(sink.rows()).hasSize(3);
        assertThat(sink.rows().getFirst()).isEqualTo(new MetricRow(LocalDate.of(2026, 11, 23), null, "csv-import",
                "Black Friday", "Lookalike 1%", null, Channel.SOCIAL, null, null, "USD", Measures.builder()
                .impressions(5200L).clicks(180L).cost(new BigDecimal("95.5")).conversions(new BigDecimal("4"))
                .conversionValue(new BigDecimal("320.0")).build()));
        assertThat(sink.rows().get(1).measures().conversions()).isNull();
        assertThat(sink.rows().get(2).date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(sink.rejects).containsExactly("line 4: Impressions: \"abc\" is not a number");

        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("meta.xlsx", metaWorkbook()))))
                .isInstanceOf(BadSettingsException.class).hasMessageContaining("line 4: Impressions");
    }

    @Test
    void oldExcelFilesAreRefusedWithAHint() {
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("old.xls", ole))))
                .hasMessage("This file is in the Excel 97-2003 format (.xls): save it as .xlsx or CSV.");
    }

    @Test
    void aZipThatIsNoWorkbookAndAnUnclosedQuoteAreRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            out.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("lettre.docx", zip.toByteArray()))))
                .isInstanceOf(BadSettingsException.class)
                .hasMessage("This file is neither a readable CSV nor an XLSX workbook.");

        String csv = "Jour;Campagne;Clics\n2026-11-01;Marque;3\n2026-11-02;\"Promo;4\n2026-11-03;Marque;5\n";
        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("quote.csv", csv.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("The file cannot be read as CSV after line 2 (unclosed quote?)");
    }

    /** A generated file of {@code lines} data lines, never held in memory. */
    private static Fixtures.Upload generated(int lines) {
        byte[] header = "Rapport sur les campagnes\nJour;Campagne;Impr.;Clics;Coût\n".getBytes(StandardCharsets.UTF_8);
        return new Fixtures.Upload("big.csv", -1, () -> new InputStream() {
            private int line = -1;
            private byte[] current = header;
            private int at;

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length) {
                    int b = read();
                    if (b < 0) {
                        return n == 0 ? -1 : n;
                    }
                    buffer[offset + n++] = (byte) b;
                }
                return n;
            }

            @Override
            public int read() {
                if (at == current.length) {
                    if (++line >= lines) {
                        return -1;
                    }
                    LocalDate day = LocalDate.of(2000, 1, 1).plusDays(line / 100);
                    current = (day + ";Campagne " + (line % 100) + ";1 " + (100 + line % 900)
                            + ";" + (line % 50) + ";" + (line % 7) + "," + (line % 100) + "\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return current[at++] & 0xFF;
            }
        });
    }

    @Test
    void aMillionLinesStreamInFlatMemory() {
        int lines = 1_000_000;
        Settings settings = settings(generated(lines));
        long[] counts = new long[3];
        long[] clicks = new long[1];
        ReadRequest request = new ReadRequest(settings, Set.of("csv-import"), Fixtures.ALL_STREAMS,
                LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31), null);
        connector.read(context(), request, new RecordSink() {
            @Override
            public void accept(MarketingRecord record) {
                if (record instanceof MetricRow row) {
                    counts[0]++;
                    clicks[0] += row.measures().clicks();
                } else {
                    counts[1]++;
                }
            }

            @Override
            public void checkpoint(String state) {
                counts[2]++;
            }

            @Override
            public void reject(Text where, Text reason) {
                throw new AssertionError(where + " " + reason);
            }
        });
        assertThat(counts[0]).isEqualTo(lines);
        assertThat(counts[1]).as("the account and 100 campaigns").isEqualTo(101);
        assertThat(counts[2]).isEqualTo(1);
        assertThat(clicks[0]).isEqualTo(lines / 50 * (49 * 50 / 2));
    }
}
