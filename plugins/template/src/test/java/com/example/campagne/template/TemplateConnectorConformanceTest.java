package com.example.campagne.template;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;

import java.util.Map;

/** The template passes the conformance kit: keep it so when you change it. */
class TemplateConnectorConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector connector() {
        return new TemplateConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of("accountName", "Boulangerie Martin", "campaigns", "4"));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of("apiKey", "any-key");
    }

    @Override
    protected BadSettings badSettings() {
        // The template treats the key "expired" as refused by the provider.
        return BadSettings.refused(goodSettings().values(), Map.of("apiKey", "expired"));
    }
}
