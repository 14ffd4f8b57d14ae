package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.ApprovalPage;
import com.campagne.support.pages.CampaignFormPage;
import com.campagne.support.pages.CampaignsPage;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MediaPlanPage;
import com.campagne.support.pages.PendingApprovalsPage;
import com.campagne.tenancy.InvitationService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey, in French, through the real screens: a campaign, a plan of six lines over four channels,
 * the over-budget warning, the proposal, the client's approval (in the portal, or through the e-mailed link by
 * a contact without an account), then the XLSX and PDF exports, opened to check that their totals are the
 * screen's.
 */
class MediaPlanJourneyTest extends BrowserTest {

    /** 1 080 + 4 000 + 2 600 + 1 215 + 3 500 + 1 200 € of media for a budget of 12 500,50 €. */
    private static final String MEDIA = "13 595,00";
    private static final String OVER = "1 094,50";

    @Autowired AccountUserDetailsService accounts;
    @Autowired InvitationService invitations;

    @Test
    void theClientApprovesThePlanInThePortalAndTheExportsShowTheScreensTotals() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        String client = "Boulangerie Martin " + suffix;
        MediaPlanPage plan = campaignWithSixLinePlan(owner, client);

        plan.propose();
        assertThat(plan.status()).isEqualTo("Proposée au client");
        assertThat(plan.canAddLines()).isFalse();

        // The client's manager joins as a viewer of their own company and decides in "À valider".
        String viewerEmail = uniqueEmail("paul.martin");
        CampagneUser staff = accounts.loadUserByUsername(owner.email());
        java.util.UUID clientId = java.util.UUID.fromString(plan.path().split("/")[2]);
        as(staff, () -> invitations.invite(viewerEmail, Role.CLIENT_VIEWER, List.of(clientId), Locale.FRENCH));
        String invitation = Mailbox.waitFor(viewerEmail, "Invitation").firstLink();
        invitations.acceptAsNewUser(invitation.substring(invitation.indexOf("token=") + "token=".length()),
                "Paul Martin", PASSWORD, Locale.FRENCH);
        Page viewerPage = newPage(DEFAULT_LOCALE);
        LoginPage.open(viewerPage).logIn(viewerEmail, PASSWORD);
        PendingApprovalsPage approvals = PendingApprovalsPage.fromNavigation(viewerPage, "À valider");
        assertThat(approvals.cells()).contains(client, "Printemps gourmand", "v1");
        viewerPage.locator("#approvals a.approvals-open").first().click();
        MediaPlanPage viewerPlan = MediaPlanPage.current(viewerPage);
        assertThat(viewerPlan.card("total")).isEqualTo(euros(MEDIA));
        viewerPlan.approve("Parfait, on lance au 1er mars.");
        assertThat(viewerPlan.status()).isEqualTo("Approuvée (verrouillée)");
        screenshot(viewerPage, "plan-fr-approved-by-client");

        // Back at the agency: the version is locked, and its documents carry the screen's figures.
        page.reload();
        plan = MediaPlanPage.current(page);
        assertThat(plan.status()).isEqualTo("Approuvée (verrouillée)");
        assertThat(plan.lockedBanner()).contains("Version approuvée le", "Paul Martin", "verrouillée");
        assertThat(plan.canAddLines()).isFalse();
        documentsMatchTheScreen(plan);
    }

    @Test
    void aContactWithoutAnAccountApprovesThroughTheEmailedLink() throws Exception {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        MediaPlanPage plan = campaignWithSixLinePlan(owner, "Fromagerie Lenoir " + suffix);
        plan.propose();

        String contact = uniqueEmail("jeanne.lenoir");
        plan.sendApprovalLink("Jeanne Lenoir", contact);
        assertThat(plan.approvalLinks()).anySatisfy(cell -> assertThat(cell).contains(contact));
        assertThat(plan.approvalLinks()).contains("En attente");

        Mailbox.Mail mail = Mailbox.waitFor(contact, "Plan média à approuver");
        assertThat(mail.body()).contains("Printemps gourmand", "aucun compte n’est nécessaire");
        // A fresh browser: no session, no account.
        Page contactPage = newPage(DEFAULT_LOCALE);
        ApprovalPage approval = ApprovalPage.follow(contactPage, mail.firstLink());
        assertThat(approval.grandTotal()).contains(euros(MEDIA));
        approval.comment("Validé pour la boutique.").approve();
        assertThat(approval.confirmation()).contains("Merci");
        screenshot(contactPage, "plan-fr-approved-by-link");

        page.reload();
        plan = MediaPlanPage.current(page);
        assertThat(plan.status()).isEqualTo("Approuvée (verrouillée)");
        assertThat(plan.lockedBanner()).contains("Jeanne Lenoir");
        assertThat(plan.approvalLinks()).contains("Approuvé");
        documentsMatchTheScreen(plan);
    }

    /** Signs in, creates the client and the campaign in the screens, then six lines over four channels. */
    private MediaPlanPage campaignWithSixLinePlan(Account owner, String client) {
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        clients = clients.add().name(client).sector("Alimentation").save();
        clients.openClient(client);
        page.locator("#client-campaigns").click();
        CampaignFormPage form = CampaignsPage.current(page).add();
        form.name("Printemps gourmand").objective("Notoriété").start("01/03/2027").end("30/04/2027")
                .budget("12500,50").saveAndWait();
        page.locator("#campaign-plan").click();
        MediaPlanPage plan = MediaPlanPage.current(page);
        assertThat(plan.version()).isEqualTo("v1 · Brouillon");

        plan.addLine().channel("Display").buyingModel("CPM (coût pour mille impressions)")
                .placement("Le Progrès — page d’accueil").format("Medium rectangle 300×250")
                .price("10").discounts("20 ; 10").volume("150 000").saveLine();
        plan.addLine().channel("Search (SEA)").buyingModel("CPC (coût par clic)")
                .placement("Mots-clés boulangerie Lyon").price("0,80").volume("5 000").saveLine();
        plan.addLine().channel("Social (SMA)").buyingModel("CPM (coût pour mille impressions)")
                .placement("Instagram Stories Lyon").format("Story").price("6,50").volume("400 000").saveLine();
        plan.addLine().channel("Social (SMA)").buyingModel("CPC (coût par clic)")
                .placement("Facebook fil d’actualité").price("0,45").discounts("10").volume("3 000").saveLine();
        plan.addLine().channel("Presse").buyingModel("Forfait")
                .placement("Lyon Plus, page 3").format("Page presse").price("3 500").saveLine();
        plan.addLine().channel("Search (SEA)").buyingModel("CPC (coût par clic)")
                .placement("Marque et concurrents").price("1,20").volume("1 000").saveLine();
        assertThat(plan.lineFormOpen()).isFalse();

        assertThat(plan.card("media")).isEqualTo(euros(MEDIA));
        assertThat(plan.card("total")).isEqualTo(euros(MEDIA));
        assertThat(plan.overBudget()).isEqualTo("Dépassement du budget de " + euros(OVER));
        assertThat(plan.totals()).contains("Display", "Search (SEA)", "Social (SMA)", "Presse");
        plan.dismissNotifications();
        return plan;
    }

    /** Downloads the XLSX and the PDF of the version shown and reads their totals back. */
    private void documentsMatchTheScreen(MediaPlanPage plan) throws Exception {
        BigDecimal screenTotal = amount(plan.card("total"));
        BigDecimal screenMedia = amount(plan.card("media"));
        assertThat(screenTotal).isEqualByComparingTo(MEDIA.replace(" ", "").replace(',', '.'));

        Download xlsx = page.waitForDownload(() -> page.locator("#plan-export-xlsx").click());
        try (InputStream in = Files.newInputStream(xlsx.path()); XSSFWorkbook book = new XSSFWorkbook(in)) {
            // Recomputed here from the live formulas, not only read from the cached values.
            XSSFFormulaEvaluator.evaluateAllFormulaCells(book);
            Sheet sheet = book.getSheetAt(0);
            assertThat(costNextTo(sheet, "Total général")).isEqualByComparingTo(screenTotal);
            assertThat(costNextTo(sheet, "Coût média")).isEqualByComparingTo(screenMedia);
            assertThat(valueCell(rowLabelled(sheet, "Total général")).getCellType()).isEqualTo(CellType.FORMULA);
        }

        Download pdf = page.waitForDownload(() -> page.locator("#plan-export-pdf").click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(text).contains("Total général " + MEDIA + " €", "Coût média " + MEDIA + " €",
                    "Printemps gourmand", "Approuvée");
        }
    }

    private static Row rowLabelled(Sheet sheet, String label) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(label)) {
                    return row;
                }
            }
        }
        throw new AssertionError("No row labelled " + label);
    }

    /** The amount of a totals row: its one number (a formula), in the cost column. */
    private static Cell valueCell(Row row) {
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.FORMULA || cell.getCellType() == CellType.NUMERIC) {
                return cell;
            }
        }
        throw new AssertionError("No amount on the row " + row.getRowNum());
    }

    private static BigDecimal costNextTo(Sheet sheet, String label) {
        return BigDecimal.valueOf(valueCell(rowLabelled(sheet, label)).getNumericCellValue())
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** "13 595,00 €" as the screen shows it → 13595.00. */
    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replaceAll("[^0-9,-]", "").replace(',', '.'));
    }

    private static String euros(String amount) {
        return MediaPlanBrowserTest.euros(amount);
    }
}
