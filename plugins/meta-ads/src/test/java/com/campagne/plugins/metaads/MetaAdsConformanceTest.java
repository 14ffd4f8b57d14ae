package com.campagne.plugins.metaads;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The Meta Ads connector passes the conformance kit against a local Graph API stub. */
class MetaAdsConformanceTest extends ConnectorConformanceTest {

    private static MetaStub stub;

    @BeforeAll
    static void start() {
        stub = MetaStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new MetaAdsConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(MetaAdsConnector.BASE_URL, stub.baseUrl(),
                MetaAdsConnector.CONVERSIONS, MetaAdsConnector.DEFAULT_CONVERSIONS));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(MetaAdsConnector.ACCESS_TOKEN, MetaStub.TOKEN);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(MetaAdsConnector.ACCESS_TOKEN, MetaStub.EXPIRED));
    }
}
