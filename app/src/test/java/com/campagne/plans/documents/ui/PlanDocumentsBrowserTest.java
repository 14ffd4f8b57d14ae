package com.campagne.plans.documents.ui;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.BuyingModel;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The documents menu downloads the Excel and PDF files; the import dialog lists a bad file's errors, then imports. */
class PlanDocumentsBrowserTest extends BrowserTest {

    @Autowired AccountUserDetailsService accounts;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;

    @Test
    void aPlannerExportsThePlanAndImportsLinesBack() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser user = accounts.loadUserByUsername(owner.email());
        MediaPlan plan = as(user, () -> {
            Campaign c = campaigns.draft(clients.save(new Client("Boulangerie Martin")).getId());
            c.setName("Printemps 2027");
            c.setObjective(CampaignObjective.AWARENESS);
            c.setStartDate(LocalDate.of(2027, 3, 1));
            c.setEndDate(LocalDate.of(2027, 3, 31));
            MediaPlan p = plans.latestOrCreate(campaigns.save(c).getId());
            PlanLineItem line = plans.newLine(p.getId());
            line.setChannel(Channel.RADIO);
            line.setBuyingModel(BuyingModel.FLAT_FEE);
            line.setRateCardPrice(new BigDecimal("900"));
            plans.saveLine(line);
            return p;
        });
        LoginPage.open(page).logIn(owner.email(), owner.password());
        UUID clientId = as(user, () -> campaigns.find(plan.getCampaignId()).orElseThrow().getClientId());
        page.navigate("/clients/" + clientId + "/campaigns/" + plan.getCampaignId() + "/plan");
        waitForVaadin(page);

        Download xlsx = page.waitForDownload(() -> page.locator("#plan-export-xlsx").click());
        assertThat(xlsx.suggestedFilename()).isEqualTo("plan-printemps-2027-v1.xlsx");
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Agence Rivage " + suffix);
        }
        Download pdf = page.waitForDownload(() -> page.locator("#plan-export-pdf").click());
        assertThat(pdf.suggestedFilename()).isEqualTo("plan-printemps-2027-v1.pdf");
        assertThat(Files.readAllBytes(pdf.path())).startsWith("%PDF".getBytes());
        Download template = page.waitForDownload(() -> page.locator("#plan-import-template").click());
        assertThat(template.suggestedFilename()).isEqualTo("modele-import-plan-media.xlsx");

        // Downloads are kept under a temporary name: the upload accepts .xlsx files only.
        Path folder = Files.createTempDirectory("plan-documents");
        Path templateFile = folder.resolve(template.suggestedFilename());
        template.saveAs(templateFile);
        Path planFile = folder.resolve(xlsx.suggestedFilename());
        xlsx.saveAs(planFile);

        // The template as it is: its example row is outside the campaign's period, so the import is refused.
        page.locator("#plan-import-open").click();
        upload(templateFile);
        assertThat(page.locator("#plan-import-errors li").first()).containsText("Ligne 2, colonne « Début »");
        screenshot(page, "plan-import-fr-errors");

        // The exported plan imports back (appended): a notification counts the lines.
        page.locator("#plan-import-mode vaadin-radio-button").nth(1).click();
        upload(planFile);
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Une ligne importée.");
        // The editor shows the imported line at once, after the one already there.
        assertThat(page.locator("#plan-lines vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Radio"))).hasCount(2);
        assertThat(as(user, () -> plans.view(plan.getId()).lines())).hasSize(2);
    }

    private void upload(Path file) {
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#plan-import-upload vaadin-button").first().click());
        chooser.setFiles(file);
        waitForVaadin(page);
    }

}
