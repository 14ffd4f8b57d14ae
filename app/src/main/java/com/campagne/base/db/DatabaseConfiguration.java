package com.campagne.base.db;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.secrets.LocalSecrets;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import liquibase.integration.spring.SpringLiquibase;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Map;

/**
 * One dialect everywhere: PostgreSQL, embedded when {@code campagne.db.url} is unset, external
 * otherwise. Migrations run as the schema owner; the app's pool connects as the non-owner role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseProperties.class, CampagneProperties.class})
public class DatabaseConfiguration {

    @Bean
    LocalSecrets localSecrets(CampagneProperties properties) {
        return new LocalSecrets(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabase.class)
    EmbeddedPostgresServer embeddedPostgresServer(CampagneProperties properties, LocalSecrets secrets) {
        return EmbeddedPostgresServer.start(properties.dataDir(), secrets);
    }

    @Bean
    DatabaseSettings databaseSettings(DatabaseProperties db, ObjectProvider<EmbeddedPostgresServer> embedded) {
        if (!db.external()) {
            return embedded.getObject().settings();
        }
        if (db.user() == null || db.user().isBlank()) {
            throw new IllegalStateException("CAMPAGNE_DB_URL is set but CAMPAGNE_DB_USER is not: give the"
                    + " application role (one that owns no table).");
        }
        DatabaseProperties.Owner owner = db.owner();
        boolean ownerGiven = owner != null && owner.user() != null && !owner.user().isBlank();
        return new DatabaseSettings(db.url(), db.user(), db.password(),
                ownerGiven ? owner.user() : db.user(), ownerGiven ? owner.password() : db.password());
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseSettings settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("campagne");
        pool.setJdbcUrl(settings.url());
        pool.setUsername(settings.appUser());
        pool.setPassword(settings.appPassword());
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(2);
        return pool;
    }

    @Bean
    SpringLiquibase liquibase(DatabaseSettings settings) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), settings.url(),
                settings.ownerUser(), settings.ownerPassword()));
        liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
        liquibase.setChangeLogParameters(Map.of("app_role", settings.appUser()));
        return liquibase;
    }

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory emf) {
        return new TenantAwareTransactionManager(emf);
    }

    @Bean
    HibernatePropertiesCustomizer tenantResolverCustomizer() {
        return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER,
                new TenantIdentifierResolver());
    }

    /** True when no external database URL is configured. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("campagne.db.url");
            return url == null || url.isBlank();
        }
    }
}
