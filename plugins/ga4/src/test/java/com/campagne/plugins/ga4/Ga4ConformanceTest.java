package com.campagne.plugins.ga4;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The GA4 connector passes the conformance kit against a local Google Analytics stub. */
class Ga4ConformanceTest extends ConnectorConformanceTest {

    private static Ga4Stub stub;

    @BeforeAll
    static void start() {
        stub = Ga4Stub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new Ga4Connector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(Ga4Connector.PROPERTY_ID, "123, 456", Ga4Connector.BASE_URL, stub.baseUrl(),
                Ga4Connector.ADMIN_BASE_URL, stub.baseUrl()));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(Ga4Connector.GOOGLE_ACCOUNT, Ga4Stub.TOKEN);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(Ga4Connector.GOOGLE_ACCOUNT, Ga4Stub.EXPIRED));
    }
}
