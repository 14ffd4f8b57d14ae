package com.campagne.plans.vendors;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Channel;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.plans.vendors.VendorService.VendorNotFoundException;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given tenant B's vendor, contact and rate ids, reads and changes nothing of them, through the
 * service and raw SQL as the application's role; A may use the same vendor name as B.
 * Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VendorIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired VendorService service;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    UUID vendorB;
    UUID contactB;
    UUID rateB;
    String nameB;

    @BeforeAll
    void twoTenants() {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = fixture.owner("Agence Alpha " + run);
        ownerB = fixture.owner("Agence Beta " + run);
        nameB = "Régie de B " + run;
        as(ownerB, () -> {
            Vendor v = service.draft();
            v.setName(nameB);
            vendorB = service.save(v).getId();
            VendorContact c = new VendorContact(vendorB);
            c.setName("Bruno");
            contactB = service.saveContact(c).getId();
            VendorRate r = service.draftRate(vendorB);
            r.setChannel(Channel.PRESS);
            r.setBuyingModel(BuyingModel.FLAT_FEE);
            r.setPrice(new BigDecimal("4200"));
            rateB = service.saveRate(r).getId();
        });
    }

    @Test
    void anotherTenantCannotListFindSaveOrDeleteVendorsContactsOrRates() {
        VendorContact contactOfB = as(ownerB, () -> service.findContact(contactB)).orElseThrow();
        VendorRate rateOfB = as(ownerB, () -> service.findRate(rateB)).orElseThrow();
        Vendor vendorOfB = as(ownerB, () -> service.find(vendorB)).orElseThrow();
        as(ownerA, () -> {
            assertThat(service.list("", false)).extracting(r -> r.vendor().getId()).doesNotContain(vendorB);
            assertThat(service.list("", true)).isEmpty();
            assertThat(service.offered()).isEmpty();
            assertThat(service.names()).doesNotContainKey(vendorB);
            assertThat(service.find(vendorB)).isEmpty();
            assertThat(service.findContact(contactB)).isEmpty();
            assertThat(service.findRate(rateB)).isEmpty();
            assertThatThrownBy(() -> service.contacts(vendorB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.rates(vendorB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.draftRate(vendorB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.archive(vendorB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.restore(vendorB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.deleteContact(contactB)).isInstanceOf(VendorNotFoundException.class);
            assertThatThrownBy(() -> service.deleteRate(rateB)).isInstanceOf(VendorNotFoundException.class);
            // B's rows, changed and sent by A.
            vendorOfB.setName("Pris par A");
            assertThatThrownBy(() -> service.save(vendorOfB)).isInstanceOf(VendorNotFoundException.class);
            contactOfB.setName("Pris par A");
            assertThatThrownBy(() -> service.saveContact(contactOfB)).isInstanceOf(VendorNotFoundException.class);
            rateOfB.setPrice(BigDecimal.ONE);
            assertThatThrownBy(() -> service.saveRate(rateOfB)).isInstanceOf(VendorNotFoundException.class);
            // New rows hung on B's vendor.
            VendorContact intoB = new VendorContact(vendorB);
            intoB.setName("Intrus");
            assertThatThrownBy(() -> service.saveContact(intoB)).isInstanceOf(VendorNotFoundException.class);
            // The same name as B's vendor is free in A: names are unique per tenant.
            assertThat(service.save(new Vendor(nameB, VendorKind.SUPPORT, Instant.now())).getName()).isEqualTo(nameB);
        });
        as(ownerB, () -> {
            assertThat(service.find(vendorB).orElseThrow().getName()).isEqualTo(nameB);
            assertThat(service.contacts(vendorB)).extracting(VendorContact::getName).containsExactly("Bruno");
            assertThat(service.rates(vendorB)).extracting(VendorRate::getPrice)
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("4200"));
        });
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        UUID tenantA = ownerA.tenant().tenantId();
        UUID tenantB = ownerB.tenant().tenantId();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from vendors where id = ?", vendorB)).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from vendor_contacts where id = ?", contactB)).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from vendor_rates where id = ?", rateB)).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from vendors")).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantB, "select id from vendors where id = ?", vendorB)).hasSize(1);
        assertThat(TenantSql.query(dataSource, tenantB, "select id from vendor_contacts where vendor_id = ?", vendorB))
                .hasSize(1);
        assertThat(TenantSql.query(dataSource, tenantB, "select id from vendor_rates where vendor_id = ?", vendorB))
                .hasSize(1);
    }
}
