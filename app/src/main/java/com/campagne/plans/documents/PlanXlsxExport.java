package com.campagne.plans.documents;

import com.campagne.base.documents.BrandedXlsx;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.money.Money;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * A media plan as an Excel workbook the planner can keep working in: sheet "Plan" with a title block, one row
 * per line whose net price and cost are live formulas reproducing the money rules (cascade of discounts,
 * per thousand for CPM, one rounding per line: Excel's ROUND is HALF_UP like {@code Money}), then totals
 * (media cost, agency fee, grand total, remaining budget) as formulas too; "Par canal" (SUMIF) and
 * "Par mois" (values: the pro-rata spread has no simple formula), channel shares too (they
 * are allocated so that they add up to 100.0 %). Cached values are computed before
 * saving, so viewers that do not recalculate still show the figures.
 */
final class PlanXlsxExport {

    /** Row (0-based) of the line table's header in an exported plan; lines follow it. */
    static final int HEADER_ROW = 12;
    private static final int BUDGET_ROW = 7;
    private static final int FEE_ROW = 9;

    private PlanXlsxExport() {
    }

    static byte[] export(PlanDocument doc) {
        DocumentTexts t = doc.texts();
        PlanView view = doc.view();
        MediaPlan plan = view.plan();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles s = new Styles(book, doc.brandColor(), view.currency(), t.locale());
            Sheet sheet = book.createSheet(t.get("documents.xlsx.sheet.plan"));
            Row title = sheet.createRow(0);
            text(title, 0, t.get("documents.title", view.campaign().getName()), s.title);
            label(sheet, 1, t.get("documents.agency"), doc.agencyName(), s);
            label(sheet, 2, t.get("documents.client"), doc.clientName(), s);
            label(sheet, 3, t.get("documents.campaign"), view.campaign().getName(), s);
            label(sheet, 4, t.get("documents.version"), plan.displayName(), s);
            label(sheet, 5, t.get("documents.status"), t.get("plans.status." + plan.getStatus().name()), s);
            Row period = label(sheet, 6, t.get("documents.period"), null, s);
            date(period, 1, view.campaign().getStartDate(), s.date);
            date(period, 2, view.campaign().getEndDate(), s.date);
            Row budget = label(sheet, BUDGET_ROW, t.get("documents.budget"), null, s);
            if (view.hasBudget()) {
                number(budget, 1, view.campaign().getBudget(), s.money);
            }
            label(sheet, 8, t.get("documents.currency"), view.currency().getCurrencyCode(), s);
            Row fee = label(sheet, FEE_ROW, t.get("documents.fee"), null, s);
            text(fee, 2, t.get("plans.feeKind." + plan.getFeeKind().name()), null);
            if (plan.getFeeKind() == FeeKind.PERCENT && plan.getFeeValue() != null) {
                number(fee, 1, plan.getFeeValue(), s.decimal);
            } else if (plan.getFeeKind() == FeeKind.FLAT && plan.getFeeValue() != null) {
                number(fee, 1, plan.getFeeValue(), s.money);
            }

            header(sheet, HEADER_ROW, t, s);
            int first = HEADER_ROW + 1;
            List<PlanLineItem> lines = view.lines();
            for (int i = 0; i < lines.size(); i++) {
                writeLine(sheet.createRow(first + i), i + 1, lines.get(i), view.vendorName(lines.get(i)), t, s);
            }
            int last = first + Math.max(lines.size(), 1) - 1;
            String costs = range(PlanColumn.COST, first, last);

            int row = first + Math.max(lines.size(), 1) + 1;
            text(sheet.createRow(row++), 0, t.get("documents.xlsx.totals"), s.bold);
            int media = row;
            total(sheet, row++, t.get("documents.mediaCost"), "SUM(" + costs + ")", s);
            int feeTotal = row;
            String feeRef = "$B$" + (FEE_ROW + 1);
            String feeFormula = switch (plan.getFeeKind()) {
                case PERCENT -> plan.getFeeValue() == null ? "0" : "ROUND(" + cost(media) + "*" + feeRef + "/100," + s.digits + ")";
                case FLAT -> plan.getFeeValue() == null ? "0" : feeRef;
                case NONE -> "0";
            };
            total(sheet, row++, t.get("documents.agencyFee"), feeFormula, s);
            int grand = row;
            total(sheet, row++, t.get("documents.grandTotal"), "ROUND(" + cost(media) + "+" + cost(feeTotal) + "," + s.digits + ")", s);
            if (view.hasBudget()) {
                total(sheet, row++, t.get("documents.budget"), "$B$" + (BUDGET_ROW + 1), s);
                total(sheet, row, t.get("documents.remaining"), "ROUND($B$" + (BUDGET_ROW + 1) + "-" + cost(grand) + "," + s.digits + ")", s);
            }
            finishLineSheet(sheet);

            byChannel(book, view, t, s, sheet.getSheetName(), first, last);
            byMonth(book, view, t, s);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An empty plan to fill in and import: the header, one example row and a "Listes" sheet with the channels,
     * buying models and the organisation's vendors (also offered as drop-down lists).
     */
    static byte[] template(DocumentTexts t, String brandColor, Currency currency, Collection<String> vendorNames) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles s = new Styles(book, brandColor, currency, t.locale());
            Sheet sheet = book.createSheet(t.get("documents.xlsx.sheet.plan"));
            header(sheet, 0, t, s);
            Row example = sheet.createRow(1);
            number(example, PlanColumn.POSITION.ordinal(), BigDecimal.ONE, s.integer);
            text(example, PlanColumn.CHANNEL.ordinal(), t.get("plans.channel." + Channel.SOCIAL.name()), null);
            text(example, PlanColumn.VENDOR.ordinal(), vendorNames.isEmpty() ? "" : vendorNames.iterator().next(), null);
            text(example, PlanColumn.PLACEMENT.ordinal(), t.get("documents.template.placement"), null);
            text(example, PlanColumn.FORMAT.ordinal(), t.get("documents.template.format"), null);
            text(example, PlanColumn.BUYING_MODEL.ordinal(), BuyingModel.CPM.name(), null);
            number(example, PlanColumn.RATE_CARD_PRICE.ordinal(), new BigDecimal("8.50"), s.price);
            text(example, PlanColumn.DISCOUNTS.ordinal(), "20;10", null);
            number(example, PlanColumn.VOLUME.ordinal(), new BigDecimal("500000"), s.integer);
            PlanLineItem sample = new PlanLineItem(null);
            sample.setBuyingModel(BuyingModel.CPM);
            sample.setDiscounts(List.of(new BigDecimal("20"), new BigDecimal("10")));
            formulas(example, sample, s);
            date(example, PlanColumn.START_DATE.ordinal(), LocalDate.now().withDayOfMonth(1), s.date);
            date(example, PlanColumn.END_DATE.ordinal(), YearMonth.now().atEndOfMonth(), s.date);
            text(example, PlanColumn.TARGETING.ordinal(), t.get("documents.template.targeting"), null);
            finishLineSheet(sheet);

            Sheet lists = book.createSheet(t.get("documents.xlsx.sheet.lists"));
            Row head = lists.createRow(0);
            text(head, 0, t.get("documents.col.channel"), s.header);
            text(head, 1, t.get("documents.col.buyingModel"), s.header);
            text(head, 2, t.get("documents.template.modelMeaning"), s.header);
            text(head, 3, t.get("documents.col.vendor"), s.header);
            text(head, 4, t.get("documents.template.rules"), s.header);
            Channel[] channels = Channel.values();
            BuyingModel[] models = BuyingModel.values();
            List<String> vendors = List.copyOf(vendorNames);
            String[] rules = {t.get("documents.template.rule.discounts"), t.get("documents.template.rule.numbers"),
                    t.get("documents.template.rule.dates"), t.get("documents.template.rule.computed")};
            int rows = Math.max(Math.max(channels.length, models.length), Math.max(vendors.size(), rules.length));
            for (int i = 0; i < rows; i++) {
                Row r = lists.createRow(i + 1);
                if (i < channels.length) {
                    text(r, 0, t.get("plans.channel." + channels[i].name()), null);
                }
                if (i < models.length) {
                    text(r, 1, models[i].name(), null);
                    text(r, 2, t.get("plans.buyingModel." + models[i].name()), null);
                }
                if (i < vendors.size()) {
                    text(r, 3, vendors.get(i), null);
                }
                if (i < rules.length) {
                    text(r, 4, rules[i], null);
                }
            }
            for (int c = 0; c < 5; c++) {
                lists.setColumnWidth(c, c == 4 ? 80 * 256 : 30 * 256);
            }
            String listSheet = "'" + lists.getSheetName() + "'";
            dropDown(sheet, PlanColumn.CHANNEL, listSheet + "!$A$2:$A$" + (channels.length + 1));
            dropDown(sheet, PlanColumn.BUYING_MODEL, listSheet + "!$B$2:$B$" + (models.length + 1));
            if (!vendors.isEmpty()) {
                dropDown(sheet, PlanColumn.VENDOR, listSheet + "!$D$2:$D$" + (vendors.size() + 1));
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(Row row, int position, PlanLineItem line, String vendor, DocumentTexts t, Styles s) {
        number(row, PlanColumn.POSITION.ordinal(), BigDecimal.valueOf(position), s.integer);
        text(row, PlanColumn.CHANNEL.ordinal(), t.get("plans.channel." + line.getChannel().name()), null);
        text(row, PlanColumn.VENDOR.ordinal(), vendor, null);
        text(row, PlanColumn.PLACEMENT.ordinal(), line.getPlacement(), null);
        text(row, PlanColumn.FORMAT.ordinal(), line.getFormat(), null);
        text(row, PlanColumn.BUYING_MODEL.ordinal(), line.getBuyingModel().name(), null);
        number(row, PlanColumn.RATE_CARD_PRICE.ordinal(), line.getRateCardPrice(), s.price);
        text(row, PlanColumn.DISCOUNTS.ordinal(), discounts(line.getDiscounts()), null);
        number(row, PlanColumn.VOLUME.ordinal(), line.getVolume(), wholeNumber(line.getVolume()) ? s.integer : s.decimal);
        formulas(row, line, s);
        number(row, PlanColumn.PLANNED_IMPRESSIONS.ordinal(), line.getPlannedImpressions(), s.integer);
        number(row, PlanColumn.PLANNED_CLICKS.ordinal(), line.getPlannedClicks(), s.integer);
        number(row, PlanColumn.PLANNED_CONVERSIONS.ordinal(), line.getPlannedConversions(), s.integer);
        date(row, PlanColumn.START_DATE.ordinal(), line.getStartDate(), s.date);
        date(row, PlanColumn.END_DATE.ordinal(), line.getEndDate(), s.date);
        text(row, PlanColumn.TARGETING.ordinal(), line.getTargeting(), null);
        text(row, PlanColumn.SYNCED_CAMPAIGN.ordinal(), line.getSyncedCampaignId(), null);
        text(row, PlanColumn.SYNCED_CONNECTION.ordinal(),
                line.getSyncedConnectionId() == null ? null : line.getSyncedConnectionId().toString(), null);
        text(row, PlanColumn.SYNCED_ACCOUNT.ordinal(), line.getSyncedAccountId(), null);
    }

    /**
     * Net price = rate card × (1 − d1/100) × (1 − d2/100)…, unrounded; cost = ROUND(volume × net / units, 2),
     * or ROUND(net, 2) for a flat fee. The discounts are written into the formulas as numbers since the
     * discount cell holds them as text ("20;10").
     */
    private static void formulas(Row row, PlanLineItem line, Styles s) {
        int r = row.getRowNum() + 1;
        StringBuilder factors = new StringBuilder();
        for (BigDecimal d : line.getDiscounts()) {
            factors.append("*(1-").append(d.stripTrailingZeros().toPlainString()).append("/100)");
        }
        String price = PlanColumn.RATE_CARD_PRICE.letter() + r;
        Cell net = row.createCell(PlanColumn.NET_PRICE.ordinal());
        net.setCellFormula(price + factors);
        net.setCellStyle(s.price);
        BuyingModel model = line.getBuyingModel();
        String exact = model.usesVolume()
                ? PlanColumn.VOLUME.letter() + r + "*" + price + factors
                + (model.unitsPerPrice().compareTo(BigDecimal.ONE) == 0 ? "" : "/" + model.unitsPerPrice().toPlainString())
                : price + factors;
        Cell cost = row.createCell(PlanColumn.COST.ordinal());
        cost.setCellFormula("ROUND(" + exact + "," + s.digits + ")");
        cost.setCellStyle(s.money);
    }

    private static void byChannel(XSSFWorkbook book, PlanView view, DocumentTexts t, Styles s, String planSheet,
                                  int first, int last) {
        Sheet sheet = book.createSheet(t.get("documents.xlsx.sheet.channels"));
        Row head = sheet.createRow(0);
        text(head, 0, t.get("documents.col.channel"), s.header);
        text(head, 1, t.get("documents.col.cost"), s.header);
        text(head, 2, t.get("documents.share"), s.header);
        String ref = "'" + planSheet + "'!";
        String channels = ref + "$" + PlanColumn.CHANNEL.letter() + "$" + (first + 1) + ":$" + PlanColumn.CHANNEL.letter() + "$" + (last + 1);
        String costs = ref + "$" + PlanColumn.COST.letter() + "$" + (first + 1) + ":$" + PlanColumn.COST.letter() + "$" + (last + 1);
        Map<String, Money> byChannel = view.totals().byChannel();
        int n = byChannel.size();
        Map<String, BigDecimal> shares = view.totals().channelShares();
        int i = 1;
        for (String channel : byChannel.keySet()) {
            Row row = sheet.createRow(i);
            text(row, 0, t.get("plans.channel." + channel), null);
            formula(row, 1, "SUMIF(" + channels + ",A" + (i + 1) + "," + costs + ")", s.money);
            // The shares are PlanTotals' (largest remainder), not B/total: they add up to exactly 100.0 %, as in the PDF.
            number(row, 2, shares.get(channel).movePointLeft(2), s.percent);
            i++;
        }
        Row total = sheet.createRow(n + 1);
        text(total, 0, t.get("documents.mediaCost"), s.bold);
        formula(total, 1, n == 0 ? "0" : "SUM(B2:B" + (n + 1) + ")", s.moneyBold);
        formula(total, 2, n == 0 ? "0" : "SUM(C2:C" + (n + 1) + ")", s.percent);
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 12 * 256);
    }

    private static void byMonth(XSSFWorkbook book, PlanView view, DocumentTexts t, Styles s) {
        Sheet sheet = book.createSheet(t.get("documents.xlsx.sheet.months"));
        Row head = sheet.createRow(0);
        text(head, 0, t.get("documents.month"), s.header);
        text(head, 1, t.get("documents.col.cost"), s.header);
        int i = 1;
        for (var month : view.totals().byMonth().entrySet()) {
            Row row = sheet.createRow(i++);
            date(row, 0, month.getKey().atDay(1), s.month);
            number(row, 1, month.getValue().amount(), s.money);
        }
        Row total = sheet.createRow(i);
        text(total, 0, t.get("documents.mediaCost"), s.bold);
        formula(total, 1, i == 1 ? "0" : "SUM(B2:B" + i + ")", s.moneyBold);
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 18 * 256);
    }

    private static void header(Sheet sheet, int rowIndex, DocumentTexts t, Styles s) {
        Row row = sheet.createRow(rowIndex);
        for (PlanColumn c : PlanColumn.values()) {
            text(row, c.ordinal(), t.get(c.key()), s.header);
        }
        sheet.createFreezePane(0, rowIndex + 1);
    }

    private static void finishLineSheet(Sheet sheet) {
        int[] widths = {6, 18, 22, 28, 16, 12, 13, 11, 13, 13, 15, 14, 12, 12, 12, 12, 36, 18, 38, 18};
        for (PlanColumn c : PlanColumn.values()) {
            sheet.setColumnWidth(c.ordinal(), widths[c.ordinal()] * 256);
        }
    }

    private static void dropDown(Sheet sheet, PlanColumn column, String listRange) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(listRange),
                new CellRangeAddressList(1, 2000, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    private static Row label(Sheet sheet, int rowIndex, String label, String value, Styles s) {
        Row row = sheet.createRow(rowIndex);
        text(row, 0, label, s.bold);
        text(row, 1, value, null);
        return row;
    }

    private static void total(Sheet sheet, int rowIndex, String label, String formula, Styles s) {
        Row row = sheet.createRow(rowIndex);
        text(row, PlanColumn.VOLUME.ordinal(), label, s.bold);
        formula(row, PlanColumn.COST.ordinal(), formula, s.moneyBold);
    }

    private static String cost(int rowIndex) {
        return PlanColumn.COST.letter() + (rowIndex + 1);
    }

    private static String range(PlanColumn column, int first, int last) {
        return column.letter() + (first + 1) + ":" + column.letter() + (last + 1);
    }

    static String discounts(List<BigDecimal> discounts) {
        return String.join(";", discounts.stream().map(d -> d.stripTrailingZeros().toPlainString()).toList());
    }

    private static boolean wholeNumber(BigDecimal value) {
        return value == null || value.stripTrailingZeros().scale() <= 0;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null || value.isEmpty()) {
            if (style != null) {
                row.createCell(column).setCellStyle(style);
            }
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }

    private static void date(Row row, int column, LocalDate value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private static void formula(Row row, int column, String formula, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellFormula(formula);
        cell.setCellStyle(style);
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    /** The cell styles of one workbook (POI styles belong to their workbook). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle money;
        final CellStyle moneyBold;
        final CellStyle price;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle month;
        /** The currency's minor units: what every ROUND rounds to, like {@code Money.rounded()}. */
        final int digits;

        Styles(XSSFWorkbook book, String brandColor, Currency currency, Locale locale) {
            var formats = book.createDataFormat();
            digits = Math.max(currency.getDefaultFractionDigits(), 0);
            String unit = " \"" + currency.getSymbol(locale).replace("\"", "") + "\"";
            title = BrandedXlsx.title(book, brandColor);
            Font boldFont = book.createFont();
            boldFont.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(boldFont);
            header = BrandedXlsx.header(book, brandColor);
            money = book.createCellStyle();
            money.setDataFormat(formats.getFormat("#,##0.00" + unit));
            moneyBold = book.createCellStyle();
            moneyBold.setDataFormat(formats.getFormat("#,##0.00" + unit));
            moneyBold.setFont(boldFont);
            price = book.createCellStyle();
            price.setDataFormat(formats.getFormat("#,##0.00##" + unit));
            integer = book.createCellStyle();
            integer.setDataFormat(formats.getFormat("#,##0"));
            decimal = book.createCellStyle();
            decimal.setDataFormat(formats.getFormat("#,##0.00"));
            percent = book.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.0%"));
            date = book.createCellStyle();
            date.setDataFormat(formats.getFormat("dd/mm/yyyy"));
            month = book.createCellStyle();
            month.setDataFormat(formats.getFormat("mmmm yyyy"));
        }
    }
}
