package com.campagne.base.db;

import com.campagne.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema the migrations leave behind keeps its promises: every changeset applied, every tenant
 * table under forced row-level security and keyed by tenant, and the app's role unable to escape it.
 * Re-run by CI against an external PostgreSQL server (name ends in MigrationTest).
 */
class DatabaseMigrationTest extends IntegrationTest {

    /** Tables that must exist with a tenant_id: guards the generic checks against finding nothing. */
    static final Set<String> KNOWN_TENANT_TABLES = Set.of("memberships", "invitations", "clients",
            "membership_clients", "audit_events");

    private static final Pattern CHANGESET = Pattern.compile("^--changeset\\s+([^:\\s]+):(\\S+)", Pattern.MULTILINE);

    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseSettings settings;

    @Test
    void everyChangesetOfTheChangelogIsApplied() throws Exception {
        Map<String, String> applied = new TreeMap<>();
        try (Connection owner = ownerConnection();
             PreparedStatement ps = owner.prepareStatement("select author, id, exectype from databasechangelog");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                applied.put(rs.getString("author") + ":" + rs.getString("id"), rs.getString("exectype"));
            }
        }
        assertThat(applied).as("rows of databasechangelog").isNotEmpty();

        Set<String> declared = declaredChangesets();
        assertThat(declared).as("changesets declared under db/changelog").hasSizeGreaterThanOrEqualTo(6);
        assertThat(applied.keySet()).as("declared changesets (a file missing from the master changelog"
                + " shows up here too)").containsAll(declared);
        assertThat(applied).allSatisfy((id, type) ->
                assertThat(type).as("exectype of %s", id).isIn("EXECUTED", "RERAN"));
    }

    @Test
    void theAppRoleCannotReadTheChangelog() {
        assertThatThrownBy(() -> queryForStrings("select id from databasechangelog"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
        Map<String, String> problems = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            (select count(*) from pg_policies p
                              where p.schemaname = n.nspname and p.tablename = c.relname) as policies,
                            (select count(*) from pg_policies p
                              where p.schemaname = n.nspname and p.tablename = c.relname
                                and p.qual like '%app.tenant_id%') as tenant_policies
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                   and a.attname = 'tenant_id' and a.attnum > 0 and not a.attisdropped)
                     order by c.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString("relname");
                tables.add(table);
                if (!rs.getBoolean("relrowsecurity")) {
                    problems.merge(table, "RLS not enabled", (a, b) -> a + "; " + b);
                }
                if (!rs.getBoolean("relforcerowsecurity")) {
                    problems.merge(table, "RLS not forced", (a, b) -> a + "; " + b);
                }
                if (rs.getLong("policies") == 0) {
                    problems.merge(table, "no policy", (a, b) -> a + "; " + b);
                } else if (rs.getLong("tenant_policies") == 0) {
                    problems.merge(table, "no policy filters on app.tenant_id", (a, b) -> a + "; " + b);
                }
            }
        }
        assertThat(tables).as("tables of schema public with a tenant_id column").containsAll(KNOWN_TENANT_TABLES);
        assertThat(problems).as("tenant tables whose row-level security is missing or incomplete").isEmpty();
    }

    @Test
    void everyKeyOfEveryTenantTableIncludesTheTenant() throws SQLException {
        // Citus distributes a table by tenant_id only if it has a primary key and EVERY primary key
        // and unique index of the table includes tenant_id.
        List<String> withoutPrimaryKey = queryForStrings("""
                select c.relname
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnum > 0
                                    and not a.attisdropped
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_constraint k
                                  where k.conrelid = c.oid and k.contype = 'p' and a.attnum = any (k.conkey))
                order by c.relname""");
        assertThat(withoutPrimaryKey).as("tenant tables whose primary key does not include tenant_id").isEmpty();

        List<String> uniqueWithoutTenant = queryForStrings("""
                select c.relname || '.' || ic.relname
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnum > 0
                                    and not a.attisdropped
                join pg_index i on i.indrelid = c.oid and i.indisunique
                join pg_class ic on ic.oid = i.indexrelid
                where n.nspname = 'public' and c.relkind in ('r', 'p')
                  and not (a.attnum = any (i.indkey::smallint[]))
                order by 1""");
        assertThat(uniqueWithoutTenant).as("unique indexes of tenant tables without tenant_id").isEmpty();
    }

    @Test
    void theAppRoleIsPowerlessOverTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select current_user, r.rolsuper, r.rolbypassrls
                     from pg_roles r where r.rolname = current_user""");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the pool's role").isEqualTo(settings.appUser())
                    .isNotEqualTo(settings.ownerUser());
            assertThat(rs.getBoolean("rolsuper")).as("superuser").isFalse();
            assertThat(rs.getBoolean("rolbypassrls")).as("bypasses RLS").isFalse();
        }
        assertThat(queryForStrings("select tablename from pg_tables where schemaname = 'public'"
                + " and tableowner = current_user")).as("tables owned by the app role").isEmpty();
        // A member of the owner role (or of a superuser) could SET ROLE to it and escape row-level security.
        assertThat(queryForStrings("select r.rolname from pg_roles r where r.rolname <> current_user"
                + " and pg_has_role(current_user, r.oid, 'MEMBER') and (r.rolsuper or r.rolbypassrls"
                + " or exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = r.rolname))"))
                .as("powerful roles the app role can act as").isEmpty();
    }

    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.ownerUser(), settings.ownerPassword());
    }

    private List<String> queryForStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Set<String> declaredChangesets() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/changelog/**/*.sql")) {
            Matcher m = CHANGESET.matcher(file.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group(1) + ":" + m.group(2));
            }
        }
        return ids;
    }
}
