package com.campagne.plugins.brevo;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The Brevo connector passes the conformance kit against a local Brevo stub. */
class BrevoConformanceTest extends ConnectorConformanceTest {

    private static BrevoStub stub;

    @BeforeAll
    static void start() {
        stub = BrevoStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new BrevoConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(BrevoConnector.BASE_URL, stub.baseUrl(), BrevoConnector.TIME_ZONE, "Europe/Paris"));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(BrevoConnector.API_KEY, BrevoStub.KEY);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(BrevoConnector.API_KEY, BrevoStub.REVOKED));
    }

    /** E-mail statistics carry no money: a Brevo account has no currency. */
    @Override
    protected boolean accountsHaveCurrency() {
        return false;
    }
}
