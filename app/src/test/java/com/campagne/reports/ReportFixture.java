package com.campagne.reports;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.DemoConnections;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/** Organisations with demo figures synced for the report tests, and the independent sums to check against. */
final class ReportFixture {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";

    private ReportFixture() {
    }

    /** Signs up an organisation with a confirmed owner and returns the owner. */
    static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@reports.test";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, name, "Camille Rapport", email, PASSWORD,
                Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    /** A client viewer of the owner's organisation, granted one client. */
    static CampagneUser viewerOf(CampagneUser owner, UUID client, AccountUserDetailsService accounts,
                                 TenantTransactions transactions, UserRepository users,
                                 com.campagne.tenancy.MembershipRepository memberships,
                                 com.campagne.clients.ClientGrantRepository grants, Clock clock) {
        UUID tenant = owner.tenant().tenantId();
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@reports.test";
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            com.campagne.tenancy.User user = new com.campagne.tenancy.User(email, "not a password hash", "Victor", "fr",
                    clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenant);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> {
            com.campagne.tenancy.Membership m = memberships.save(new com.campagne.tenancy.Membership(
                    users.findByEmail(email).orElseThrow(), com.campagne.tenancy.Role.CLIENT_VIEWER, clock.instant()));
            grants.save(new com.campagne.clients.ClientGrant(m.getId(), client));
        });
        return accounts.loadUserByUsername(email);
    }

    /** A demo connection of the client, synced once by the engine (waits for the run to succeed). */
    static UUID demoSynced(CampagneUser owner, UUID clientId, ConnectionService connections, ConnectorCatalog catalog) {
        return DemoConnections.synced(owner, clientId, connections, catalog).getId();
    }

    /** The last full week, Monday to Sunday, before today in Paris. */
    static LocalDate[] lastWeek(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        return new LocalDate[]{monday, monday.plusDays(6)};
    }

    /** Cost in euros and clicks of the client over the days, summed straight from the raw facts. */
    record Sums(BigDecimal cost, long clicks) {
    }

    static Sums sums(DataSource dataSource, UUID tenant, UUID clientId, LocalDate from, LocalDate to) {
        Map<String, Object> row = TenantSql.one(dataSource, tenant, "select coalesce(sum(cost) filter (where currency = 'EUR'), 0) as cost,"
                + " coalesce(sum(clicks), 0) as clicks from metric_facts where client_id = ? and day between ? and ?",
                clientId, from, to);
        return new Sums((BigDecimal) row.get("cost"), ((Number) row.get("clicks")).longValue());
    }

    /** The text of a PDF, no-break spaces read as spaces. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return normalise(new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
