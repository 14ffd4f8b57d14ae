package com.campagne.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campagne.db.*}: an external PostgreSQL server. With no URL, the app starts its embedded
 * PostgreSQL in the data directory instead.
 *
 * @param url      JDBC URL ({@code CAMPAGNE_DB_URL})
 * @param user     the application role, owning no table ({@code CAMPAGNE_DB_USER})
 * @param password its password ({@code CAMPAGNE_DB_PASSWORD})
 * @param owner    the role that owns the schema and runs migrations ({@code CAMPAGNE_DB_OWNER_USER},
 *                 {@code CAMPAGNE_DB_OWNER_PASSWORD})
 */
@ConfigurationProperties("campagne.db")
public record DatabaseProperties(String url, String user, String password, Owner owner) {

    public record Owner(String user, String password) {
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
