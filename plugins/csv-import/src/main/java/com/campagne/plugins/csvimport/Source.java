package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * An uploaded file, scanned once for its fingerprint, kind and encoding, then read row by row as
 * often as needed (each pass streams; nothing holds the whole file in memory). An XLSX file is
 * copied to a temporary file because its zip needs random access.
 */
final class Source implements Closeable {

    /** One line of a CSV file or one row of a sheet; {@code numeric} marks XLSX number cells. */
    record Row(long line, String[] cells, boolean[] numeric) {

        String cell(int index) {
            return index >= 0 && index < cells.length && cells[index] != null ? cells[index] : "";
        }

        boolean isNumeric(int index) {
            return numeric != null && index >= 0 && index < numeric.length && numeric[index];
        }

        boolean blank() {
            for (String cell : cells) {
                if (!Norm.trim(cell).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /** The first cell that is not blank, or "". */
        String first() {
            for (String cell : cells) {
                if (!Norm.trim(cell).isEmpty()) {
                    return Norm.trim(cell);
                }
            }
            return "";
        }
    }

    /** A pass over the rows; {@link #next()} gives {@code null} at the end. */
    interface Rows extends Closeable {
        Row next() throws IOException;
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int PREFIX = 64 * 1024;

    final String name;
    final boolean xlsx;
    final Charset charset;
    final int bomLength;
    final String fingerprint;
    private final Settings.SettingFile file;
    private final byte[] prefix;
    private final Path copy;

    private Source(Settings.SettingFile file, boolean xlsx, Charset charset, int bomLength, String fingerprint,
                   byte[] prefix, Path copy) {
        this.name = file.name();
        this.file = file;
        this.xlsx = xlsx;
        this.charset = charset;
        this.bomLength = bomLength;
        this.fingerprint = fingerprint;
        this.prefix = prefix;
        this.copy = copy;
    }

    /** Scans the file: SHA-256, kind, encoding; rejects empty and binary files. */
    static Source scan(Settings.SettingFile file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        long nulBytes = 0;
        long size = 0;
        Path copy = null;
        OutputStream copyOut = null;
        ByteBuffer pending = ByteBuffer.allocate(64 * 1024 + 8);
        CharBuffer sink = CharBuffer.allocate(64 * 1024 + 8);
        try (InputStream in = file.open()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            boolean first = true;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                if (first && n >= 4 && buffer[0] == 'P' && buffer[1] == 'K' && buffer[2] == 3 && buffer[3] == 4) {
                    copy = Files.createTempFile("csv-import-", ".xlsx");
                    copyOut = Files.newOutputStream(copy);
                }
                first = false;
                sha.update(buffer, 0, n);
                size += n;
                if (head.size() < PREFIX) {
                    head.write(buffer, 0, Math.min(n, PREFIX - head.size()));
                }
                if (copyOut != null) {
                    copyOut.write(buffer, 0, n);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == 0) {
                        nulBytes++;
                    }
                }
                if (validUtf8) {
                    pending.put(buffer, 0, n).flip();
                    CoderResult result = utf8.decode(pending, sink.clear(), false);
                    validUtf8 = !result.isError();
                    pending.compact();
                }
            }
            if (validUtf8 && copyOut == null) {
                pending.flip();
                validUtf8 = !utf8.decode(pending, sink.clear(), true).isError();
            }
        } catch (IOException | RuntimeException e) {
            if (copyOut != null) {
                copyOut.close();
                copyOut = null;
            }
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            throw e;
        } finally {
            if (copyOut != null) {
                copyOut.close();
            }
        }
        byte[] prefix = head.toByteArray();
        String fingerprint = "sha256:" + HexFormat.of().formatHex(sha.digest());
        if (copy != null) {
            return new Source(file, true, null, 0, fingerprint, prefix, copy);
        }
        if (prefix.length >= 4 && (prefix[0] & 0xFF) == 0xD0 && (prefix[1] & 0xFF) == 0xCF
                && (prefix[2] & 0xFF) == 0x11 && (prefix[3] & 0xFF) == 0xE0) {
            throw new BadSettingsException(CsvImportConnector.FILE, Text.of(
                    "Ce fichier est au format Excel 97-2003 (.xls) : enregistrez-le en .xlsx ou en CSV.",
                    "This file is in the Excel 97-2003 format (.xls): save it as .xlsx or CSV."));
        }
        Charset charset;
        int bom = 0;
        if (prefix.length >= 3 && (prefix[0] & 0xFF) == 0xEF && (prefix[1] & 0xFF) == 0xBB && (prefix[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (prefix.length >= 2 && (prefix[0] & 0xFF) == 0xFF && (prefix[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (prefix.length >= 2 && (prefix[0] & 0xFF) == 0xFE && (prefix[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (nulBytes > 0) {
            charset = utf16WithoutBom(prefix);
            if (charset == null) {
                throw notAReport();
            }
        } else {
            charset = validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        Source source = new Source(file, false, charset, bom, fingerprint, prefix, null);
        String text = source.prefixText();
        if (Norm.trim(text).isEmpty() || size == bom) {
            throw new BadSettingsException(CsvImportConnector.FILE, Text.of("Le fichier « " + file.name() + " » est vide.",
                    "The file \"" + file.name() + "\" is empty."));
        }
        long controls = text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f').count();
        if (controls > 0 || text.indexOf('\uFFFD') >= 0) {
            throw notAReport();
        }
        return source;
    }

    /** UTF-16 without a byte order mark: ASCII text has every other byte zero. */
    private static Charset utf16WithoutBom(byte[] prefix) {
        int evenZero = 0;
        int oddZero = 0;
        int pairs = prefix.length / 2;
        for (int i = 0; i + 1 < prefix.length; i += 2) {
            if (prefix[i] == 0) {
                evenZero++;
            }
            if (prefix[i + 1] == 0) {
                oddZero++;
            }
        }
        if (oddZero > pairs * 0.9 && evenZero < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero > pairs * 0.9 && oddZero < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static BadSettingsException notAReport() {
        return new BadSettingsException(CsvImportConnector.FILE, Text.of(
                "Ce fichier n’est ni un CSV ni un classeur XLSX lisible.",
                "This file is neither a readable CSV nor an XLSX workbook."));
    }

    /** The beginning of a text file, decoded, cut at its last complete line. */
    String prefixText() {
        String text = new String(prefix, bomLength, prefix.length - bomLength, charset);
        int end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        return end > 0 && prefix.length == PREFIX ? text.substring(0, end) : text;
    }

    /** The first rows of the file, read with that delimiter (ignored for XLSX), for header detection. */
    Rows sample(char delimiter) throws IOException {
        return xlsx ? rows(delimiter) : csv(new StringReader(prefixText()), delimiter);
    }

    /** A pass over all rows. */
    Rows rows(char delimiter) throws IOException {
        if (xlsx) {
            return sheet();
        }
        InputStream in = file.open();
        try {
            in.skipNBytes(bomLength);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return csv(new BufferedReader(new InputStreamReader(in, charset), 64 * 1024), delimiter);
    }

    private static Rows csv(Reader reader, char delimiter) {
        CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).allowExtraFields(true)
                .allowMissingFields(true).skipEmptyLines(true).allowExtraCharsAfterClosingQuote(true).allowUnclosedQuote(false)
                .detectBomHeader(false).ofCsvRecord(reader);
        Iterator<CsvRecord> records = csv.iterator();
        return new Rows() {
            private long line;

            @Override
            public Row next() {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    CsvRecord record = records.next();
                    line = record.getStartingLineNumber();
                    return new Row(line, record.getFields().toArray(String[]::new), null);
                } catch (UncheckedIOException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // An unbalanced quote runs to the end of the file; a field over 16 MB is not a report.
                    throw new BadSettingsException(CsvImportConnector.FILE, Text.of(
                            "Le fichier n’est plus lisible en CSV après la ligne " + line
                                    + " (guillemet non refermé ?) : " + e.getMessage(),
                            "The file cannot be read as CSV after line " + line + " (unclosed quote?): "
                                    + e.getMessage()));
                }
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }

    private Rows sheet() throws IOException {
        ReadableWorkbook workbook = null;
        Stream<org.dhatim.fastexcel.reader.Row> stream;
        try {
            workbook = new ReadableWorkbook(copy.toFile());
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            if (workbook != null) {
                workbook.close();
            }
            throw notAReport(); // a zip that is no workbook (a .docx, a damaged file…)
        }
        ReadableWorkbook opened = workbook;
        Iterator<org.dhatim.fastexcel.reader.Row> rows = stream.iterator();
        return new Rows() {
            @Override
            public Row next() {
                org.dhatim.fastexcel.reader.Row row;
                try {
                    if (!rows.hasNext()) {
                        return null;
                    }
                    row = rows.next();
                } catch (RuntimeException e) {
                    throw notAReport();
                }
                int count = row.getCellCount();
                String[] cells = new String[count];
                boolean[] numeric = new boolean[count];
                for (int i = 0; i < count; i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        cells[i] = "";
                    } else if (cell.getType() == CellType.NUMBER) {
                        cells[i] = cell.getRawValue();
                        numeric[i] = true;
                    } else if (cell.getType() == CellType.FORMULA) {
                        cells[i] = cell.getRawValue() == null ? "" : cell.getRawValue();
                        numeric[i] = cells[i].matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
                    } else {
                        cells[i] = cell.getText();
                    }
                }
                return new Row(row.getRowNum(), cells, numeric);
            }

            @Override
            public void close() throws IOException {
                stream.close();
                opened.close();
            }
        };
    }

    @Override
    public void close() {
        if (copy != null) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
