package com.campagne.connectors.plugins;

import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.EmailSender;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugins shipped in the app's jar are installed and started on first start. */
class BundledConnectorsTest extends IntegrationTest {

    @Autowired
    ConnectorCatalog catalog;

    @Test
    void theBundledPluginsProvideTheirConnectors() {
        assertThat(catalog.all()).extracting(ConnectorHandle::id).contains("csv-import", "demo", "smtp", "matomo", "brevo", "mailchimp");
        assertThat(catalog.find("matomo").orElseThrow().spec().category()).isEqualTo(Category.ANALYTICS);
        assertThat(catalog.find("mailchimp").orElseThrow().spec().category()).isEqualTo(Category.EMAILING);
        assertThat(catalog.find("brevo").orElseThrow().connector()).isInstanceOf(EmailSender.class);
        assertThat(catalog.find("csv-import").orElseThrow().spec().category()).isEqualTo(Category.FILE);
        // The capability is found on the plugin's own class, loaded by the plugin's class loader.
        assertThat(catalog.find("smtp").orElseThrow().connector()).isInstanceOf(EmailSender.class);
        assertThat(catalog.find("demo").orElseThrow().connector().getClass().getClassLoader())
                .isNotSameAs(ConnectorCatalog.class.getClassLoader());
    }
}
