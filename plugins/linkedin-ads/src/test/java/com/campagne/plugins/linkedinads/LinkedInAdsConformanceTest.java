package com.campagne.plugins.linkedinads;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The LinkedIn Ads connector passes the conformance kit against a local Marketing API stub. */
class LinkedInAdsConformanceTest extends ConnectorConformanceTest {

    private static LinkedInStub stub;

    @BeforeAll
    static void start() {
        stub = LinkedInStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new LinkedInAdsConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(LinkedInAdsConnector.BASE_URL, stub.baseUrl()));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(LinkedInAdsConnector.LINKEDIN_ACCOUNT, LinkedInStub.TOKEN);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(LinkedInAdsConnector.LINKEDIN_ACCOUNT, LinkedInStub.REVOKED));
    }
}
