package com.campagne.plugins.mailchimp;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** The Mailchimp connector passes the conformance kit against a local Mailchimp stub. */
class MailchimpConformanceTest extends ConnectorConformanceTest {

    private static MailchimpStub stub;

    @BeforeAll
    static void start() {
        stub = MailchimpStub.standard();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Override
    protected Connector connector() {
        return new MailchimpConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Settings.of(Map.of(MailchimpConnector.BASE_URL, stub.baseUrl()));
    }

    @Override
    protected Map<String, String> goodSecrets() {
        return Map.of(MailchimpConnector.API_KEY, MailchimpStub.KEY);
    }

    @Override
    protected BadSettings badSettings() {
        return BadSettings.refused(goodSettings().values(), Map.of(MailchimpConnector.API_KEY, MailchimpStub.REVOKED));
    }

    /** E-mail reports carry no money: a Mailchimp account has no currency. */
    @Override
    protected boolean accountsHaveCurrency() {
        return false;
    }
}
