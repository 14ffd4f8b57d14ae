package com.campagne.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what a test needs to check in the database as the app role in one tenant's scope (the
 * row-level security policies apply), in a rolled-back transaction; {@code null} reads tables
 * without a tenant (e.g. {@code tenants}).
 */
public final class TenantSql {

    private TenantSql() {
    }

    /** The rows of a query, each column by its label. */
    public static List<Map<String, Object>> query(DataSource dataSource, UUID tenant, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement scope = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    scope.setString(1, tenant == null ? "" : tenant.toString());
                    scope.execute();
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        ps.setObject(i + 1, parameters[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int i = 1; i <= columns; i++) {
                                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                            }
                            rows.add(row);
                        }
                        return rows;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single row of a query. */
    public static Map<String, Object> one(DataSource dataSource, UUID tenant, String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(dataSource, tenant, sql, parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows + " for " + sql);
        }
        return rows.getFirst();
    }

    /** The tenant of an organisation, by its name. */
    public static UUID tenantNamed(DataSource dataSource, String name) {
        return (UUID) one(dataSource, null, "select id from tenants where name = ?", name).get("id");
    }
}
