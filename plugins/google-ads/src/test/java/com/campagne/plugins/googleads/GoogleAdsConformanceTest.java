package com.campagne.plugins.googleads;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The Google Ads connector passes the conformance kit against a local Google Ads API stub. */
class GoogleAdsConformanceTest extends ConnectorConformanceTest {

    private static GoogleAdsStub stub;

    @BeforeAll
    static void start() {
        stub = GoogleAdsStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new GoogleAdsConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(GoogleAdsConnector.BASE_URL, stub.baseUrl()));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(GoogleAdsConnector.GOOGLE_ACCOUNT, GoogleAdsStub.TOKEN,
                GoogleAdsConnector.DEVELOPER_TOKEN, GoogleAdsStub.DEVELOPER_TOKEN);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(GoogleAdsConnector.GOOGLE_ACCOUNT, GoogleAdsStub.EXPIRED,
                GoogleAdsConnector.DEVELOPER_TOKEN, GoogleAdsStub.DEVELOPER_TOKEN));
    }
}
