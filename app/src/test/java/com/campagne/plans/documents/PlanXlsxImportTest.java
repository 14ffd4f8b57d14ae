package com.campagne.plans.documents;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.CampaignException;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.documents.PlanImportService.Mode;
import com.campagne.plans.money.BuyingModel;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Export then import gives the same lines; a bad file is refused as a whole with every problem named. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanXlsxImportTest extends PlanDocumentsTestBase {

    CampagneUser owner;
    MediaPlan source;
    UUID meta;

    @BeforeAll
    void plan() {
        owner = owner("Agence Import " + UUID.randomUUID().toString().substring(0, 6));
        meta = vendor(owner, "Meta Ads");
        UUID presse = vendor(owner, "Le Progrès");
        source = draftPlan(owner, "Fromagerie Dubois", "Salon du fromage", "50000");
        PlanLineItem cpm = line(owner, source.getId(), Channel.SOCIAL, meta, BuyingModel.CPM, "7.3125", "2000000", "20", "12.5");
        as(owner, () -> {
            cpm.setTargeting("Femmes 25-45 ans ; Lyon + 20 km ; intérêts « cuisine »");
            cpm.setPlannedClicks(new BigDecimal("18000"));
            cpm.setPlannedConversions(new BigDecimal("450"));
            cpm.setStartDate(LocalDate.of(2027, 3, 10));
            cpm.setEndDate(LocalDate.of(2027, 4, 9));
            cpm.linkSyncedCampaign(syncedCampaign(owner, clientOf(owner, source), "act_123456", "23851234567890"),
                    "act_123456", "23851234567890");
            return plans.saveLine(cpm);
        });
        line(owner, source.getId(), Channel.PRESS, presse, BuyingModel.FLAT_FEE, "3200", null, "10");
        line(owner, source.getId(), Channel.SEARCH, null, BuyingModel.CPC, "0.42", "12500.5");
        fee(owner, source.getId(), FeeKind.PERCENT, "12");
    }

    @Test
    void anExportedPlanImportsIntoAFreshDraftWithTheSameLines() {
        byte[] xlsx = as(owner, () -> documents.xlsx(source.getId(), Locale.FRENCH)).bytes();
        // Another campaign of the same client: the link to its network campaign holds there too.
        MediaPlan fresh = draftPlanFor(owner, clientOf(owner, source), "Salon du fromage bis", null);
        int count = as(owner, () -> imports.importLines(fresh.getId(), new ByteArrayInputStream(xlsx), Mode.REPLACE));
        assertThat(count).isEqualTo(3);
        List<PlanLineItem> before = lines(owner, source.getId());
        List<PlanLineItem> after = lines(owner, fresh.getId());
        assertThat(after).hasSize(3);
        for (int i = 0; i < 3; i++) {
            PlanLineItem a = before.get(i);
            PlanLineItem b = after.get(i);
            assertThat(b.getPosition()).isEqualTo(i + 1);
            assertThat(b.getChannel()).isEqualTo(a.getChannel());
            assertThat(b.getVendorId()).isEqualTo(a.getVendorId());
            assertThat(b.getPlacement()).isEqualTo(a.getPlacement());
            assertThat(b.getFormat()).isEqualTo(a.getFormat());
            assertThat(b.getBuyingModel()).isEqualTo(a.getBuyingModel());
            assertThat(b.getRateCardPrice()).isEqualByComparingTo(a.getRateCardPrice());
            assertThat(b.getDiscounts()).usingElementComparator(BigDecimal::compareTo).isEqualTo(a.getDiscounts());
            assertSame(b.getVolume(), a.getVolume());
            assertThat(b.getCost()).isEqualByComparingTo(a.getCost());
            assertSame(b.getPlannedImpressions(), a.getPlannedImpressions());
            assertSame(b.getPlannedClicks(), a.getPlannedClicks());
            assertSame(b.getPlannedConversions(), a.getPlannedConversions());
            assertThat(b.getStartDate()).isEqualTo(a.getStartDate());
            assertThat(b.getEndDate()).isEqualTo(a.getEndDate());
            assertThat(b.getTargeting()).isEqualTo(a.getTargeting());
            assertThat(b.getSyncedConnectionId()).isEqualTo(a.getSyncedConnectionId());
            assertThat(b.getSyncedAccountId()).isEqualTo(a.getSyncedAccountId());
            assertThat(b.getSyncedCampaignId()).isEqualTo(a.getSyncedCampaignId());
        }
        assertThat(after.getFirst().getSyncedCampaignId()).isEqualTo("23851234567890");
        assertThat(after.getFirst().getCost()).isEqualByComparingTo("10237.50"); // 7.3125 × 0.8 × 0.875 × 2 000

        // Appending the same file again doubles the lines, after the existing ones.
        as(owner, () -> imports.importLines(fresh.getId(), new ByteArrayInputStream(xlsx), Mode.APPEND));
        assertThat(lines(owner, fresh.getId())).hasSize(6).extracting(PlanLineItem::getChannel)
                .containsExactly(Channel.SOCIAL, Channel.PRESS, Channel.SEARCH, Channel.SOCIAL, Channel.PRESS, Channel.SEARCH);
    }

    @Test
    void frenchTextNumbersAndDatesAndEnglishHeadersAreRead() throws IOException {
        MediaPlan target = draftPlan(owner, "Cave Rousseau", "Vendanges", null);
        byte[] file = workbook(as(owner, () -> documents.template(Locale.ENGLISH)).bytes(), sheet -> {
            Row row = sheet.getRow(1);
            row.getCell(PlanColumn.VENDOR.ordinal()).setCellValue("meta ads"); // case does not matter
            row.getCell(PlanColumn.CHANNEL.ordinal()).setCellValue("SOCIAL"); // a code works as well as a label
            row.getCell(PlanColumn.RATE_CARD_PRICE.ordinal()).setCellValue("1 234,56");
            row.getCell(PlanColumn.DISCOUNTS.ordinal()).setCellValue("20 ; 12,5");
            row.getCell(PlanColumn.BUYING_MODEL.ordinal()).setCellValue("FLAT_FEE");
            row.getCell(PlanColumn.START_DATE.ordinal()).setCellValue("05/03/2027");
            row.getCell(PlanColumn.END_DATE.ordinal()).setCellValue("2027-03-20");
        });
        int count = as(owner, () -> imports.importLines(target.getId(), new ByteArrayInputStream(file), Mode.REPLACE));
        assertThat(count).isEqualTo(1);
        PlanLineItem line = lines(owner, target.getId()).getFirst();
        assertThat(line.getChannel()).isEqualTo(Channel.SOCIAL);
        assertThat(line.getVendorId()).isEqualTo(meta);
        assertThat(line.getRateCardPrice()).isEqualByComparingTo("1234.56");
        assertThat(line.getDiscounts()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("12.5"));
        assertThat(line.getCost()).isEqualByComparingTo("864.19"); // 1 234.56 × 0.8 × 0.875 = 864.192
        assertThat(line.getStartDate()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(line.getEndDate()).isEqualTo(LocalDate.of(2027, 3, 20));
    }

    @Test
    void everyBadRowIsReportedWithItsColumnAndNothingIsWritten() throws IOException {
        MediaPlan target = draftPlan(owner, "Garage Petit", "Portes ouvertes", null);
        line(owner, target.getId(), Channel.RADIO, null, BuyingModel.FLAT_FEE, "900", null);
        byte[] file = workbook(as(owner, () -> documents.template(Locale.FRENCH)).bytes(), sheet -> {
            Row good = sheet.getRow(1);
            good.getCell(PlanColumn.VENDOR.ordinal()).setCellValue("Meta Ads");
            good.getCell(PlanColumn.START_DATE.ordinal()).setCellValue("01/03/2027");
            good.getCell(PlanColumn.END_DATE.ordinal()).setCellValue("31/03/2027");
            Row bad = sheet.createRow(2); // Excel row 3
            bad.createCell(PlanColumn.CHANNEL.ordinal()).setCellValue("Display");
            bad.createCell(PlanColumn.VENDOR.ordinal()).setCellValue("Régie Inconnue");
            bad.createCell(PlanColumn.BUYING_MODEL.ordinal()).setCellValue("CPM");
            bad.createCell(PlanColumn.RATE_CARD_PRICE.ordinal()).setCellValue("douze euros");
            bad.createCell(PlanColumn.VOLUME.ordinal()).setCellValue(100000);
            bad.createCell(PlanColumn.START_DATE.ordinal()).setCellValue("01/02/2027");
            bad.createCell(PlanColumn.END_DATE.ordinal()).setCellValue("31/03/2027");
            Row worse = sheet.createRow(4); // Excel row 5, after a blank row
            worse.createCell(PlanColumn.CHANNEL.ordinal()).setCellValue("Télépathie");
            worse.createCell(PlanColumn.BUYING_MODEL.ordinal()).setCellValue("CPC");
            worse.createCell(PlanColumn.RATE_CARD_PRICE.ordinal()).setCellValue(-2);
            worse.createCell(PlanColumn.START_DATE.ordinal()).setCellValue("01/03/2027");
            worse.createCell(PlanColumn.END_DATE.ordinal()).setCellValue("02/03/2027");
        });
        PlanImportException refused = catchThrowableOfType(PlanImportException.class, () -> as(owner,
                () -> imports.importLines(target.getId(), new ByteArrayInputStream(file), Mode.REPLACE)));
        List<String> typeset = refused.problems().stream().map(p -> imports.describe(p, Locale.FRENCH)).toList();
        assertThat(typeset.get(1)).startsWith("Ligne 3, colonne «\u00a0Prix tarif\u00a0»\u00a0: ");
        List<String> messages = typeset.stream().map(m -> m.replace('\u00a0', ' ')).toList();
        assertThat(messages).containsExactly(
                "Ligne 3, colonne « Support » : Ce support n’existe pas (ou plus) dans votre liste.",
                "Ligne 3, colonne « Prix tarif » : Nombre illisible : écrivez par exemple 1234,56.",
                "Ligne 3, colonne « Début » : La diffusion doit rester dans la période de la campagne.",
                "Ligne 5, colonne « Canal » : Canal inconnu : choisissez un canal de la feuille « Listes ».",
                "Ligne 5, colonne « Prix tarif » : Le prix est un montant positif avec au plus 4 décimales.",
                "Ligne 5, colonne « Volume » : Indiquez le volume prévu (impressions, clics, actions, vues ou GRP selon le mode d’achat).");
        assertThat(lines(owner, target.getId())).singleElement()
                .satisfies(l -> assertThat(l.getChannel()).isEqualTo(Channel.RADIO));
    }

    @Test
    void aProposedVersionOrAFileThatIsNoWorkbookIsRefused() {
        MediaPlan target = draftPlan(owner, "Librairie Morel", "Rentrée", null);
        PlanImportException notXlsx = catchThrowableOfType(PlanImportException.class, () -> as(owner,
                () -> imports.importLines(target.getId(), new ByteArrayInputStream("a;b;c".getBytes()), Mode.REPLACE)));
        assertThat(imports.describe(notXlsx.problems().getFirst(), Locale.FRENCH)).startsWith("Ce fichier n’est pas un classeur");

        line(owner, target.getId(), Channel.RADIO, null, BuyingModel.FLAT_FEE, "900", null);
        as(owner, () -> plans.propose(target.getId()));
        byte[] xlsx = as(owner, () -> documents.xlsx(source.getId(), Locale.FRENCH)).bytes();
        assertThatThrownBy(() -> as(owner, () -> imports.importLines(target.getId(), new ByteArrayInputStream(xlsx),
                Mode.REPLACE))).isInstanceOf(CampaignException.class);
        assertThat(lines(owner, target.getId())).hasSize(1);
    }

    private static void assertSame(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    private static byte[] workbook(byte[] template, java.util.function.Consumer<Sheet> edit) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            edit.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
