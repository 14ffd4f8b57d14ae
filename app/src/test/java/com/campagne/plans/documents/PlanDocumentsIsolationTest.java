package com.campagne.plans.documents;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService.PlanNotFoundException;
import com.campagne.plans.documents.PlanImportService.Mode;
import com.campagne.plans.money.BuyingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another organisation's plan cannot be exported nor imported into: it is not found, and stays unchanged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanDocumentsIsolationTest extends PlanDocumentsTestBase {

    CampagneUser ownerA;
    CampagneUser ownerB;
    MediaPlan planA;
    MediaPlan planB;

    @BeforeAll
    void twoAgencies() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = owner("Agence Alpha " + run);
        ownerB = owner("Agence Beta " + run);
        planA = draftPlan(ownerA, "Client Alpha", "Campagne Alpha", "10000");
        line(ownerA, planA.getId(), Channel.RADIO, vendor(ownerA, "Radio Alpha"), BuyingModel.FLAT_FEE, "900", null);
        planB = draftPlan(ownerB, "Client Beta", "Campagne Beta", "10000");
        line(ownerB, planB.getId(), Channel.DISPLAY, null, BuyingModel.CPM, "5", "100000");
    }

    @Test
    void anotherOrganisationsPlanIsNotFound() {
        assertThatThrownBy(() -> as(ownerB, () -> documents.xlsx(planA.getId(), Locale.FRENCH)))
                .isInstanceOf(PlanNotFoundException.class);
        assertThatThrownBy(() -> as(ownerB, () -> documents.pdf(planA.getId(), Locale.FRENCH)))
                .isInstanceOf(PlanNotFoundException.class);
        byte[] ownFile = as(ownerB, () -> documents.xlsx(planB.getId(), Locale.FRENCH)).bytes();
        assertThatThrownBy(() -> as(ownerB, () -> imports.importLines(planA.getId(), new ByteArrayInputStream(ownFile),
                Mode.REPLACE))).isInstanceOf(PlanNotFoundException.class);
        assertThat(lines(ownerA, planA.getId())).singleElement()
                .satisfies(l -> assertThat(l.getChannel()).isEqualTo(Channel.RADIO));
    }

    @Test
    void theTemplateListsOnlyTheOrganisationsOwnVendors() throws Exception {
        byte[] template = as(ownerB, () -> documents.template(Locale.FRENCH)).bytes();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template))) {
            var lists = book.getSheet("Listes");
            for (var row : lists) {
                var vendor = row.getCell(3);
                assertThat(vendor == null ? "" : vendor.getStringCellValue()).isNotEqualTo("Radio Alpha");
            }
        }
    }
}
