package com.campagne.plans.documents;

import com.campagne.base.i18n.I18n;
import com.campagne.plans.Channel;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.BuyingModel;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads plan lines from a workbook laid out like {@link PlanXlsxExport} writes it (an export or the template):
 * the header row is found by its labels (French or English, in any order), lines are read until the totals
 * block, blank rows are skipped. Channel by label or code, buying model by code, vendor by name among the
 * organisation's; numbers as numbers or text ("1 234,56"), dates as dates or text (31/03/2027). Nothing is
 * written here: the caller gets either lines or every problem, each naming its row and column.
 */
final class PlanXlsxImport {

    /** A problem of the file: {@code row} as Excel numbers it (0 and no column for the whole file). */
    record RowError(int row, PlanColumn column, String messageKey) {
    }

    record Result(List<PlanLineItem> lines, List<RowError> errors) {
    }

    private static final int HEADER_SEARCH_ROWS = 40;
    private static final List<DateTimeFormatter> DATE_TEXTS = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);

    private final Map<String, PlanColumn> headers = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();
    private final Set<String> totalsMarkers = new HashSet<>();

    PlanXlsxImport(I18n i18n) {
        for (Locale locale : I18n.LOCALES) {
            for (PlanColumn c : PlanColumn.values()) {
                headers.put(normal(i18n.getTranslation(c.key(), locale)), c);
            }
            for (Channel channel : Channel.values()) {
                String label = "plans.channel." + channel.name();
                channels.put(normal(i18n.getTranslation(label, locale)), channel);
            }
            totalsMarkers.add(normal(i18n.getTranslation("documents.xlsx.totals", locale)));
        }
        for (Channel channel : Channel.values()) {
            channels.put(normal(channel.name()), channel);
        }
    }

    /**
     * @param vendorIds the organisation's vendors by {@link #normal normalised} name
     * @param problems  the form's validation of one line (field → message key)
     */
    Result read(InputStream in, UUID planId, Map<String, UUID> vendorIds,
                Function<PlanLineItem, Map<String, String>> problems) {
        List<PlanLineItem> lines = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            Map<PlanColumn, Integer> columns = null;
            int headerRow = -1;
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS) && r >= 0; r++) {
                Map<PlanColumn, Integer> found = headerColumns(sheet.getRow(r));
                if (found.containsKey(PlanColumn.CHANNEL) && found.containsKey(PlanColumn.RATE_CARD_PRICE)) {
                    columns = found;
                    headerRow = r;
                    break;
                }
            }
            if (columns == null) {
                return new Result(List.of(), List.of(new RowError(0, null, "documents.import.noHeader")));
            }
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, columns)) {
                    continue;
                }
                if (totalsMarkers.contains(normal(text(row.getCell(0))))) {
                    break;
                }
                int rowNumber = r + 1;
                RowReader reader = new RowReader(row, columns, rowNumber, errors);
                PlanLineItem line = reader.line(planId, vendorIds);
                problems.apply(line).forEach((field, key) -> {
                    PlanColumn column = PlanColumn.ofField(field);
                    if (!reader.failed.contains(column)) {
                        errors.add(new RowError(rowNumber, column, key));
                    }
                });
                lines.add(line);
            }
        } catch (Exception e) {
            // Not a workbook, encrypted, corrupt: the user can only try another file.
            return new Result(List.of(), List.of(new RowError(0, null, "documents.import.unreadable")));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(0, null, "documents.import.empty"));
        }
        return new Result(errors.isEmpty() ? lines : List.of(), errors);
    }

    private Map<PlanColumn, Integer> headerColumns(Row row) {
        Map<PlanColumn, Integer> found = new EnumMap<>(PlanColumn.class);
        if (row != null) {
            for (Cell cell : row) {
                PlanColumn column = headers.get(normal(text(cell)));
                if (column != null && column.input) {
                    found.putIfAbsent(column, cell.getColumnIndex());
                }
            }
        }
        return found;
    }

    private static boolean blank(Row row, Map<PlanColumn, Integer> columns) {
        if (!text(row.getCell(0)).isEmpty()) {
            return false;
        }
        return columns.values().stream().allMatch(i -> text(row.getCell(i)).isEmpty());
    }

    /** One row's fields; remembers the columns that could not be read, so validation does not repeat them. */
    private final class RowReader {
        private final Row row;
        private final Map<PlanColumn, Integer> columns;
        private final int rowNumber;
        private final List<RowError> errors;
        final Set<PlanColumn> failed = new HashSet<>();

        RowReader(Row row, Map<PlanColumn, Integer> columns, int rowNumber, List<RowError> errors) {
            this.row = row;
            this.columns = columns;
            this.rowNumber = rowNumber;
            this.errors = errors;
        }

        PlanLineItem line(UUID planId, Map<String, UUID> vendorIds) {
            PlanLineItem line = new PlanLineItem(planId);
            String channel = text(PlanColumn.CHANNEL);
            if (!channel.isEmpty()) {
                line.setChannel(channels.get(normal(channel)));
                fail(line.getChannel() == null, PlanColumn.CHANNEL, "documents.import.channel.unknown");
            }
            String vendor = text(PlanColumn.VENDOR);
            if (!vendor.isEmpty()) {
                line.setVendorId(vendorIds.get(normal(vendor)));
                fail(line.getVendorId() == null, PlanColumn.VENDOR, "plans.error.vendor.unknown");
            }
            line.setPlacement(emptyToNull(text(PlanColumn.PLACEMENT)));
            line.setFormat(emptyToNull(text(PlanColumn.FORMAT)));
            String model = text(PlanColumn.BUYING_MODEL);
            if (!model.isEmpty()) {
                try {
                    line.setBuyingModel(BuyingModel.valueOf(model.strip().toUpperCase(Locale.ROOT).replace(' ', '_')));
                } catch (IllegalArgumentException e) {
                    fail(true, PlanColumn.BUYING_MODEL, "documents.import.buyingModel.unknown");
                }
            }
            line.setRateCardPrice(number(PlanColumn.RATE_CARD_PRICE));
            line.setDiscounts(discounts());
            line.setVolume(number(PlanColumn.VOLUME));
            line.setPlannedImpressions(number(PlanColumn.PLANNED_IMPRESSIONS));
            line.setPlannedClicks(number(PlanColumn.PLANNED_CLICKS));
            line.setPlannedConversions(number(PlanColumn.PLANNED_CONVERSIONS));
            line.setStartDate(date(PlanColumn.START_DATE));
            line.setEndDate(date(PlanColumn.END_DATE));
            line.setTargeting(emptyToNull(text(PlanColumn.TARGETING)));
            String campaign = text(PlanColumn.SYNCED_CAMPAIGN);
            String connection = text(PlanColumn.SYNCED_CONNECTION);
            if (!campaign.isEmpty()) {
                UUID connectionId = null;
                if (!connection.isEmpty()) {
                    try {
                        connectionId = UUID.fromString(connection);
                    } catch (IllegalArgumentException e) {
                        fail(true, PlanColumn.SYNCED_CONNECTION, "documents.import.connection.invalid");
                    }
                }
                line.linkSyncedCampaign(connectionId, emptyToNull(text(PlanColumn.SYNCED_ACCOUNT)), campaign);
            }
            return line;
        }

        private Cell cell(PlanColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.getCell(index);
        }

        private String text(PlanColumn column) {
            return PlanXlsxImport.text(cell(column));
        }

        private BigDecimal number(PlanColumn column) {
            Cell cell = cell(column);
            if (cell == null || PlanXlsxImport.text(cell).isEmpty()) {
                return null;
            }
            try {
                if (numeric(cell)) {
                    return new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue()));
                }
                return parseNumber(cell.getStringCellValue());
            } catch (RuntimeException e) {
                fail(true, column, "documents.import.number.invalid");
                return null;
            }
        }

        private List<BigDecimal> discounts() {
            Cell cell = cell(PlanColumn.DISCOUNTS);
            if (cell == null || PlanXlsxImport.text(cell).isEmpty()) {
                return List.of();
            }
            try {
                if (numeric(cell)) {
                    return List.of(new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue())));
                }
                List<BigDecimal> values = new ArrayList<>();
                for (String part : cell.getStringCellValue().split(";")) {
                    if (!part.isBlank()) {
                        values.add(parseNumber(part));
                    }
                }
                return values;
            } catch (RuntimeException e) {
                fail(true, PlanColumn.DISCOUNTS, "documents.import.discounts.invalid");
                return List.of();
            }
        }

        private LocalDate date(PlanColumn column) {
            Cell cell = cell(column);
            String value = PlanXlsxImport.text(cell);
            if (value.isEmpty()) {
                return null;
            }
            if (numeric(cell)) {
                return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
            }
            for (DateTimeFormatter format : DATE_TEXTS) {
                try {
                    return LocalDate.parse(value.strip(), format);
                } catch (DateTimeParseException e) {
                    // try the next way of writing a date
                }
            }
            fail(true, column, "documents.import.date.invalid");
            return null;
        }

        private void fail(boolean failed, PlanColumn column, String key) {
            if (failed) {
                this.failed.add(column);
                errors.add(new RowError(rowNumber, column, key));
            }
        }
    }

    /** "1 234,56", "1234.56", "1.234,56", "20 %": French or English writing of a number. */
    static BigDecimal parseNumber(String text) {
        String s = text.replaceAll("[\\s\u00a0\u202f%€$£]", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        return new BigDecimal(s);
    }

    private static boolean numeric(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
    }

    /** A cell's text as the user typed it; numbers in Excel's own plain writing. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Case, accents of spacing and surrounding blanks do not matter when matching a label or a name. */
    static String normal(String label) {
        return label == null ? "" : label.replace('\u00a0', ' ').replace('\u202f', ' ').replace('’', '\'')
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
