package com.campagne.plans.documents;

import com.campagne.base.documents.FileDownload;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.money.BuyingModel;
import com.campagne.tenancy.TenantSettingsService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client PDF: who, what, the figures in French, the agency's colour, and long plans over several pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPdfExportTest extends PlanDocumentsTestBase {

    @Autowired TenantSettingsService settings;

    CampagneUser owner;
    MediaPlan plan;

    @BeforeAll
    void plan() {
        owner = owner("Agence Lumière " + UUID.randomUUID().toString().substring(0, 6));
        as(owner, () -> settings.updateBrandColor("#c0392b"));
        UUID meta = vendor(owner, "Meta Ads");
        UUID google = vendor(owner, "Google Ads");
        UUID progres = vendor(owner, "Le Progrès");
        plan = draftPlan(owner, "Boulangerie Martin", "Lancement du pain d’épices", "12000");
        line(owner, plan.getId(), Channel.SOCIAL, meta, BuyingModel.CPM, "10", "1000000", "20", "10"); // 7 200,00
        line(owner, plan.getId(), Channel.SEARCH, google, BuyingModel.CPC, "0.50", "4000");             // 2 000,00
        line(owner, plan.getId(), Channel.PRESS, progres, BuyingModel.FLAT_FEE, "1800", null);           // 1 800,00
        fee(owner, plan.getId(), FeeKind.FLAT, "1345.67");
    }

    @Test
    void theClientReadsWhoWhatAndTheFiguresInFrench() throws IOException {
        FileDownload file = as(owner, () -> documents.pdf(plan.getId(), Locale.FRENCH));
        assertThat(file.fileName()).isEqualTo("plan-lancement-du-pain-d-epices-v1.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.bytes())) {
            String text = spaces(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("Boulangerie Martin", "Lancement du pain d’épices", "Plan média", "Brouillon",
                    "Notoriété", "De 25 à 45 ans", "Lyon et 20 km autour", "01/03/2027 – 30/04/2027",
                    "Coût média 11 000,00 €", "Total général 12 345,67 €", "Budget 12 000,00 €",
                    "Reste du budget -345,67 €", "Budget dépassé de 345,67 €", "Page 1 / 1", "Répartition par canal",
                    "65,4 %", "Mars 2027", "Meta Ads", "7,20 €");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
            Path png = Path.of("target/screenshots/plan-fr-pdf.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(pixelsOf(page, 0xC0, 0x39, 0x2B)).as("table header in the brand colour").isGreaterThan(500);
        }
    }

    @Test
    void aLongPlanRunsOverSeveralPagesWithTheHeaderOnEach() throws IOException {
        MediaPlan longPlan = draftPlan(owner, "Réseau Fleuristes", "Fête des mères", null);
        for (int i = 0; i < 250; i++) {
            line(owner, longPlan.getId(), Channel.values()[i % Channel.values().length], null, BuyingModel.CPC,
                    "0.3" + (i % 10), String.valueOf(1000 + i));
        }
        byte[] bytes = as(owner, () -> documents.pdf(longPlan.getId(), Locale.FRENCH)).bytes();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = spaces(stripper.getText(pdf));
            assertThat(second).contains("Prix net unitaire", "Emplacement", "Page 2 / " + pages);
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(1, 60);
            assertThat(pixelsOf(page, 0xC0, 0x39, 0x2B)).as("repeated header in the brand colour").isGreaterThan(100);
        }
    }

    @Test
    void anApprovedPlanShowsTheLogoAndWhoApprovedIt() throws IOException {
        BufferedImage logo = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = logo.createGraphics();
        g.setColor(new java.awt.Color(0x2E, 0x8B, 0x57));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        as(owner, () -> {
            var tenant = settings.current();
            settings.update(tenant.getName(), tenant.getLocale(), tenant.getCurrency().strip(), tenant.getTimeZone(),
                    png.toByteArray(), "image/png");
        });
        MediaPlan approved = draftPlan(owner, "Boulangerie Martin", "Fête du pain", "5000");
        line(owner, approved.getId(), Channel.RADIO, null, BuyingModel.FLAT_FEE, "1200", null);
        as(owner, () -> plans.propose(approved.getId()));
        as(owner, () -> plans.approve(approved.getId(), "Parfait pour nous"));
        byte[] bytes = as(owner, () -> documents.pdf(approved.getId(), Locale.FRENCH)).bytes();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = spaces(new PDFTextStripper().getText(pdf));
            assertThat(text).containsPattern("Approuvée le \\d{2}/\\d{2}/\\d{4} par Camille Test — « Parfait pour nous »");
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            assertThat(pixelsOf(page, 0x2E, 0x8B, 0x57)).as("the agency's logo").isGreaterThan(200);
        }
    }

    @Test
    void theBrandColourIsAHexCodeStoredInCapitals() {
        assertThat(as(owner, () -> settings.current().getBrandColor())).isEqualTo("#C0392B");
        assertThatThrownBy(() -> as(owner, () -> settings.updateBrandColor("rouge")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> as(owner, () -> settings.updateBrandColor("#12345")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(as(owner, () -> settings.current().getBrandColor())).isEqualTo("#C0392B");
    }

    /** No-break and narrow no-break spaces (French number formats) compared as plain spaces. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2212', '-').replaceAll("[ \\t]+", " ").replace(" \n", "\n");
    }

    private static int pixelsOf(BufferedImage image, int r, int g, int b) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - r) < 6 && Math.abs(((rgb >> 8) & 0xff) - g) < 6
                        && Math.abs((rgb & 0xff) - b) < 6) {
                    count++;
                }
            }
        }
        return count;
    }
}
