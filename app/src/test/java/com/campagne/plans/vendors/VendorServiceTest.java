package com.campagne.plans.vendors;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.CampaignException;
import com.campagne.plans.Channel;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.plans.vendors.VendorService.VendorRow;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The tenant's vendors: validation all at once, unique names, contacts, rate cards, archiving and who may do what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorServiceTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired VendorService service;
    @Autowired DataSource dataSource;

    CampagneUser owner;
    CampagneUser contributor;
    CampagneUser viewer;

    @BeforeAll
    void organisation() {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        owner = fixture.owner("Agence Supports " + UUID.randomUUID().toString().substring(0, 6));
        contributor = fixture.member(owner, Role.CONTRIBUTOR, "Chloé", null);
        viewer = fixture.member(owner, Role.CLIENT_VIEWER, "Victor", null);
    }

    private Vendor vendor(String name) {
        Vendor v = service.draft();
        v.setName(name);
        v.setKind(VendorKind.REGIE);
        return v;
    }

    private static Map<String, String> errors(Runnable save) {
        try {
            save.run();
        } catch (CampaignException e) {
            return e.errors();
        }
        throw new AssertionError("saved although invalid");
    }

    @Test
    void aVendorIsCheckedAllAtOnceAndItsNameIsUniqueInAnyCase() {
        Vendor wrong = as(owner, () -> vendor("  "));
        wrong.setKind(null);
        wrong.setWebsite("www.sans-protocole.fr");
        wrong.setNotes("n".repeat(4001));
        assertThat(errors(() -> as(owner, () -> service.save(wrong)))).containsExactly(
                entry("name", "vendors.error.name.required"),
                entry("kind", "vendors.error.kind.required"),
                entry("website", "vendors.error.website.invalid"),
                entry("notes", "vendors.error.notes.size"));

        Vendor ouest = as(owner, () -> vendor(" Ouest-France Médias "));
        ouest.setWebsite("https://www.ouest-france.fr");
        Vendor saved = as(owner, () -> service.save(ouest));
        assertThat(saved.getName()).isEqualTo("Ouest-France Médias");
        assertThat(errors(() -> as(owner, () -> service.save(vendor("OUEST-FRANCE médias")))))
                .containsExactly(entry("name", "vendors.error.name.taken"));
        // Saving itself again is not a duplicate.
        saved.setNotes("Remise volume 10 % au-delà de 5 000 €");
        assertThat(as(owner, () -> service.save(saved)).getNotes()).startsWith("Remise volume");
        assertThat(TenantSql.query(dataSource, owner.tenant().tenantId(),
                "select action from audit_events where target = ? order by occurred_at", "Ouest-France Médias"))
                .extracting(r -> r.get("action")).containsExactly("VENDOR_CREATED", "VENDOR_UPDATED");
    }

    @Test
    void contactsAndRatesAreCheckedAndCounted() {
        UUID id = as(owner, () -> service.save(vendor("Régie Radio Sud"))).getId();
        VendorContact bad = new VendorContact(id);
        bad.setEmail("marie@");
        bad.setPhone("appelez-moi");
        assertThat(errors(() -> as(owner, () -> service.saveContact(bad)))).containsExactly(
                entry("name", "vendors.error.contact.name.required"),
                entry("email", "vendors.error.contact.email.invalid"),
                entry("phone", "vendors.error.contact.phone.invalid"));
        VendorContact marie = new VendorContact(id);
        marie.setName("Marie Leroy");
        marie.setJobTitle("Chargée de clientèle");
        marie.setEmail("marie.leroy@radiosud.fr");
        marie.setPhone("+33 4 91 00 00 00");
        as(owner, () -> service.saveContact(marie));

        VendorRate empty = as(owner, () -> service.draftRate(id));
        assertThat(empty.getCurrency().trim()).isEqualTo("EUR");
        empty.setPrice(new BigDecimal("-1"));
        empty.setValidFrom(LocalDate.of(2027, 6, 30));
        empty.setValidTo(LocalDate.of(2027, 1, 1));
        assertThat(errors(() -> as(owner, () -> service.saveRate(empty)))).containsExactly(
                entry("channel", "vendors.error.rate.channel.required"),
                entry("buyingModel", "vendors.error.rate.buyingModel.required"),
                entry("price", "vendors.error.rate.price.invalid"),
                entry("validTo", "vendors.error.rate.validTo.beforeFrom"));
        VendorRate tooPrecise = as(owner, () -> service.draftRate(id));
        tooPrecise.setChannel(Channel.RADIO);
        tooPrecise.setBuyingModel(BuyingModel.GRP);
        tooPrecise.setPrice(new BigDecimal("0.00001"));
        assertThat(errors(() -> as(owner, () -> service.saveRate(tooPrecise))))
                .containsExactly(entry("price", "vendors.error.rate.price.invalid"));
        tooPrecise.setPrice(new BigDecimal("850.0035"));
        tooPrecise.setFormat("Spot radio 30 s");
        VendorRate spot = as(owner, () -> service.saveRate(tooPrecise));
        assertThat(spot.getPrice()).isEqualByComparingTo("850.0035");

        VendorRow row = as(contributor, () -> service.list("radio sud", false)).getFirst();
        assertThat(row.vendor().getName()).isEqualTo("Régie Radio Sud");
        assertThat(row.contacts()).isEqualTo(1);
        assertThat(row.rates()).isEqualTo(1);
        assertThat(as(contributor, () -> service.contacts(id))).extracting(VendorContact::getEmail)
                .containsExactly("marie.leroy@radiosud.fr");

        as(owner, () -> service.deleteRate(spot.getId()));
        as(owner, () -> service.deleteContact(marie.getId()));
        VendorRow after = as(owner, () -> service.list("Radio Sud", false)).getFirst();
        assertThat(after.contacts()).isZero();
        assertThat(after.rates()).isZero();
    }

    @Test
    void anArchivedVendorIsNoLongerOfferedButStaysFindable() {
        UUID id = as(owner, () -> service.save(vendor("Affichage Lumière"))).getId();
        as(owner, () -> service.archive(id));
        assertThat(as(owner, () -> service.offered())).extracting(Vendor::getId).doesNotContain(id);
        assertThat(as(owner, () -> service.list("Lumière", false))).isEmpty();
        assertThat(as(owner, () -> service.list("Lumière", true))).extracting(r -> r.vendor().getId()).containsExactly(id);
        assertThat(as(owner, () -> service.find(id))).isPresent();
        // A form cannot un-archive: only restore does.
        Vendor stored = as(owner, () -> service.find(id)).orElseThrow();
        stored.setArchived(false);
        assertThat(as(owner, () -> service.save(stored)).isArchived()).isTrue();
        as(owner, () -> service.restore(id));
        assertThat(as(owner, () -> service.offered())).extracting(Vendor::getId).contains(id);
    }

    @Test
    void contributorsReadClientViewersSeeNothing() {
        UUID id = as(owner, () -> service.save(vendor("Social Ads Pro"))).getId();
        as(contributor, () -> {
            assertThat(service.find(id)).isPresent();
            assertThatThrownBy(() -> service.save(new Vendor("Par un contributeur", VendorKind.OTHER, java.time.Instant.now()))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.archive(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.draftRate(id)).isInstanceOf(AccessDeniedException.class);
        });
        as(viewer, () -> {
            assertThatThrownBy(() -> service.list("", false)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.find(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.contacts(id)).isInstanceOf(AccessDeniedException.class);
        });
    }
}
