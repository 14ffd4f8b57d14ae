package com.campagne.plugins.smtp;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

/**
 * The SMTP connector passes the kit against a GreenMail server. It has no money figures, so its
 * account has no currency ({@link #accountsHaveCurrency()}); its read emits the server's account
 * only, and checkpoints once.
 */
class SmtpConnectorConformanceTest extends ConnectorConformanceTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("newsletter@boulangerie-martin.fr", "newsletter@boulangerie-martin.fr", "levain-2026"))
            .withPerMethodLifecycle(false);

    @Override
    protected Connector connector() {
        return new SmtpConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of("host", "localhost", "port", String.valueOf(MAIL.getSmtp().getPort()),
                "security", "none", "username", "newsletter@boulangerie-martin.fr",
                "fromAddress", "newsletter@boulangerie-martin.fr", "fromName", "Boulangerie Martin"));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of("password", "levain-2026");
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.wrong(goodSettings().values(), Map.of("password", "mauvais-mot-de-passe"));
    }

    @Override
    protected boolean accountsHaveCurrency() {
        return false;
    }
}
