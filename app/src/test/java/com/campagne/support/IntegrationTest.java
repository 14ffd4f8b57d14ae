package com.campagne.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole app on PostgreSQL (embedded by default, the server given by
 * {@code -Dcampagne.test.db.url} otherwise) with a real SMTP server, on a random port. All
 * subclasses share one Spring context, hence one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
        registry.add("campagne.data-dir", () -> TestEnvironment.DATA_DIR.toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestEnvironment.MAIL.getSmtp().getPort());
        registry.add("campagne.admin.email", () -> "operator@campagne.test");
        registry.add("campagne.admin.password", () -> "operator-password-for-tests");
        // The OAuth 2 client of the test connector oauth-echo (its provider is a WireMock stub).
        registry.add("campagne.oauth2.providers.oauth-echo.client-id", () -> "campagne-test-client");
        registry.add("campagne.oauth2.providers.oauth-echo.client-secret", () -> "campagne-test-secret");
        if (TestEnvironment.externalDb()) {
            registry.add("campagne.db.url", TestEnvironment::externalDbUrl);
            registry.add("campagne.db.user", () -> System.getProperty("campagne.test.db.user"));
            registry.add("campagne.db.password", () -> System.getProperty("campagne.test.db.password"));
            registry.add("campagne.db.owner.user", () -> System.getProperty("campagne.test.db.owner-user"));
            registry.add("campagne.db.owner.password", () -> System.getProperty("campagne.test.db.owner-password"));
        }
    }
}
