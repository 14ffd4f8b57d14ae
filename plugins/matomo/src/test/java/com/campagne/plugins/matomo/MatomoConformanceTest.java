package com.campagne.plugins.matomo;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The Matomo connector passes the conformance kit against a local Matomo stub. */
class MatomoConformanceTest extends ConnectorConformanceTest {

    private static MatomoStub stub;

    @BeforeAll
    static void start() {
        stub = MatomoStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new MatomoConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(MatomoConnector.BASE_URL, stub.baseUrl()));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(MatomoConnector.TOKEN, MatomoStub.TOKEN);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(MatomoConnector.TOKEN, MatomoStub.REVOKED));
    }
}
