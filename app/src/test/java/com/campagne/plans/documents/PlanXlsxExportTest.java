package com.campagne.plans.documents;

import com.campagne.base.documents.FileDownload;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.money.BuyingModel;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The workbook's formulas reproduce the money rules: its totals equal PlanTotals to the cent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanXlsxExportTest extends PlanDocumentsTestBase {

    CampagneUser owner;
    MediaPlan plan;

    @BeforeAll
    void plan() {
        owner = owner("Agence Tableurs " + UUID.randomUUID().toString().substring(0, 6));
        UUID meta = vendor(owner, "Meta Ads");
        UUID google = vendor(owner, "Google Ads");
        UUID presse = vendor(owner, "Le Progrès");
        UUID tf1 = vendor(owner, "TF1 Publicité");
        plan = draftPlan(owner, "Boulangerie Martin", "Printemps 2027", "160000");
        // 8.75 € CPM − 20 % − 10 % − 5 % = 5.985 € net; 1 234 567 impressions → 7 388.883495 → 7 388.88
        line(owner, plan.getId(), Channel.DISPLAY, meta, BuyingModel.CPM, "8.75", "1234567", "20", "10", "5");
        // 0.85 € CPC − 12.5 % = 0.74375 €; 3 333 clicks → 2 478.91875 → 2 478.92
        line(owner, plan.getId(), Channel.SEARCH, google, BuyingModel.CPC, "0.85", "3333", "12.5");
        line(owner, plan.getId(), Channel.PRESS, presse, BuyingModel.FLAT_FEE, "4500", null, "15");
        // 1 250.50 € per GRP − 10 % = 1 125.45 €; 120.4 GRP → 135 504.18
        line(owner, plan.getId(), Channel.TV, tf1, BuyingModel.GRP, "1250.50", "120.4", "10");
        line(owner, plan.getId(), Channel.DISPLAY, meta, BuyingModel.CPM, "12", "250000");
        fee(owner, plan.getId(), FeeKind.PERCENT, "15");
    }

    @Test
    void formulasGiveTheSameTotalsAsTheMoneyRules() throws IOException {
        PlanView view = as(owner, () -> plans.view(plan.getId()));
        FileDownload file = as(owner, () -> documents.xlsx(plan.getId(), Locale.FRENCH));
        assertThat(file.fileName()).isEqualTo("plan-printemps-2027-v1.xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = book.getSheet("Plan");
            // Cached values first: what a viewer that never recalculates shows.
            assertThat(costs(sheet, false)).containsExactly(money("7388.88"), money("2478.92"), money("3825.00"),
                    money("135504.18"), money("3000.00"));
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            assertThat(costs(sheet, true)).containsExactly(money("7388.88"), money("2478.92"), money("3825.00"),
                    money("135504.18"), money("3000.00"));

            int first = PlanXlsxExport.HEADER_ROW + 1;
            Row cpm = sheet.getRow(first);
            assertThat(cpm.getCell(PlanColumn.CHANNEL.ordinal()).getStringCellValue()).isEqualTo("Display");
            assertThat(cpm.getCell(PlanColumn.VENDOR.ordinal()).getStringCellValue()).isEqualTo("Meta Ads");
            assertThat(cpm.getCell(PlanColumn.BUYING_MODEL.ordinal()).getStringCellValue()).isEqualTo("CPM");
            assertThat(cpm.getCell(PlanColumn.DISCOUNTS.ordinal()).getStringCellValue()).isEqualTo("20;10;5");
            assertThat(cpm.getCell(PlanColumn.NET_PRICE.ordinal()).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(cpm.getCell(PlanColumn.NET_PRICE.ordinal()).getNumericCellValue()).isCloseTo(5.985,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(cpm.getCell(PlanColumn.COST.ordinal()).getCellFormula())
                    .isEqualTo("ROUND(J14*G14*(1-20/100)*(1-10/100)*(1-5/100)/1000,2)");
            assertThat(sheet.getRow(first + 2).getCell(PlanColumn.COST.ordinal()).getCellFormula())
                    .isEqualTo("ROUND(G16*(1-15/100),2)");
            Cell start = cpm.getCell(PlanColumn.START_DATE.ordinal());
            assertThat(DateUtil.isCellDateFormatted(start)).isTrue();
            assertThat(start.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(START);
            assertThat(cpm.getCell(PlanColumn.PLANNED_IMPRESSIONS.ordinal()).getNumericCellValue()).isEqualTo(1234567);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();

            // Totals block: media cost, 15 % fee, grand total, budget and remaining, all formulas.
            int totals = first + 5 + 1;
            assertThat(sheet.getRow(totals).getCell(0).getStringCellValue()).isEqualTo("Totaux");
            assertThat(total(sheet, totals + 1)).isEqualTo(view.totals().mediaCost().amount());
            assertThat(total(sheet, totals + 2)).isEqualTo(view.totals().agencyFee().amount());
            assertThat(total(sheet, totals + 3)).isEqualTo(view.totals().grandTotal().amount());
            assertThat(total(sheet, totals + 5)).isEqualTo(view.totals().remainingBudget().amount());
            assertThat(sheet.getRow(totals + 1).getCell(PlanColumn.COST.ordinal()).getCellFormula()).startsWith("SUM(");
            assertThat(view.totals().mediaCost().amount()).isEqualByComparingTo("152196.98");
            assertThat(view.totals().grandTotal().amount()).isEqualByComparingTo("175026.53");

            Sheet channels = book.getSheet("Par canal");
            assertThat(channels.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Display");
            assertThat(channels.getRow(1).getCell(1).getCellFormula()).startsWith("SUMIF(");
            assertThat(amount(channels.getRow(1).getCell(1))).isEqualTo(view.totals().byChannel().get("DISPLAY").amount());
            assertThat(amount(channels.getRow(4).getCell(1))).isEqualTo(view.totals().byChannel().get("TV").amount());
            assertThat(channels.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(0.891); // 89.032 → 89.1 (largest remainder)
            assertThat(channels.getRow(5).getCell(2).getNumericCellValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

            Sheet months = book.getSheet("Par mois");
            assertThat(months.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(START);
            assertThat(amount(months.getRow(1).getCell(1)))
                    .isEqualTo(view.totals().byMonth().firstEntry().getValue().amount());
            assertThat(amount(months.getRow(3).getCell(1))).isEqualTo(view.totals().mediaCost().amount());
        }
    }

    @Test
    void theTemplateHasTheHeaderAnExampleAndTheLists() throws IOException {
        FileDownload file = as(owner, () -> documents.template(Locale.ENGLISH));
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Row header = book.getSheetAt(0).getRow(0);
            assertThat(header.getCell(PlanColumn.RATE_CARD_PRICE.ordinal()).getStringCellValue()).isEqualTo("Rate-card price");
            assertThat(book.getSheetAt(0).getRow(1).getCell(PlanColumn.COST.ordinal()).getNumericCellValue())
                    .isEqualTo(3060.0); // 8.50 € CPM − 20 % − 10 % over 500 000 impressions
            Sheet lists = book.getSheet("Lists");
            assertThat(lists.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Display");
            assertThat(lists.getRow(5).getCell(1).getStringCellValue()).isEqualTo("FLAT_FEE");
            assertThat(lists.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Google Ads");
        }
    }

    private static java.util.List<BigDecimal> costs(Sheet sheet, boolean evaluated) {
        java.util.List<BigDecimal> costs = new java.util.ArrayList<>();
        for (int r = PlanXlsxExport.HEADER_ROW + 1; r <= PlanXlsxExport.HEADER_ROW + 5; r++) {
            costs.add(amount(sheet.getRow(r).getCell(PlanColumn.COST.ordinal())));
        }
        return costs;
    }

    private static BigDecimal total(Sheet sheet, int row) {
        return amount(sheet.getRow(row).getCell(PlanColumn.COST.ordinal()));
    }

    private static BigDecimal amount(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
