package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.testkit.BadSettings;
import com.campagne.connectors.testkit.ConnectorConformanceTest;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/** The CSV import passes the conformance kit with the French Google Ads export and a garbage file. */
class CsvImportConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector connector() {
        return new CsvImportConnector();
    }

    @Override
    protected Settings goodSettings() {
        return Fixtures.settings(Fixtures.resource("google-ads-fr.tsv"));
    }

    @Override
    protected BadSettings badSettings() {
        return new BadSettings(Fixtures.settings(Fixtures.resource("garbage.bin")), Map.of(), FailureType.BAD_SETTINGS);
    }

    /** The days of the fixture (1–2 November 2026) and one more on each side. */
    @Override
    protected ReadRequest readRequest(Catalog catalog) {
        return new ReadRequest(goodSettings(), catalog.accounts().stream().map(AccountRecord::accountId)
                .collect(Collectors.toSet()), catalog.streams(), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 3), null);
    }
}
