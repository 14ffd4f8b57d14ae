package com.campagne.plugins.demo;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;

import java.util.Map;

/** The demo connector passes the conformance kit, with every account and stream. */
class DemoConnectorConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector connector() {
        return new DemoConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of("profile", "ecommerce", "historyDays", "365"));
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.wrong(Map.of("profile", "boucherie", "historyDays", "365"), Map.of());
    }
}
