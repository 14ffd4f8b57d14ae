package com.campagne.connectors.testkit.leaky;

import com.campagne.app.AppService;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.testkit.sample.SampleConnector;

import java.util.Set;

/** A sound connector, except that it reaches into the app. */
public class LeakyConnector extends SampleConnector {

    /** A connector with no other fault. */
    public LeakyConnector() {
        super(Set.of());
    }

    @Override
    public ConnectorSpec spec() {
        AppService.tenantName();
        return super.spec();
    }
}
