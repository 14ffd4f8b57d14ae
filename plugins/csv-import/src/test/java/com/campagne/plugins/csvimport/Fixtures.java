package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Secrets;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.MarketingRecord;
import com.campagne.connectors.api.schema.MetricRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Test helpers: uploaded files, settings, a context and a sink that records what it gets. */
final class Fixtures {

    static final Set<Stream> ALL_STREAMS = Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS);

    private Fixtures() {
    }

    /** An uploaded file whose content is opened afresh each time. */
    record Upload(String name, long size, Supplier<InputStream> content) implements Settings.SettingFile {
        @Override
        public InputStream open() {
            return content.get();
        }
    }

    static Upload resource(String name) {
        byte[] bytes;
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(name, bytes);
    }

    static Upload bytes(String name, byte[] bytes) {
        return new Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** Settings with the file and "key", "value" pairs. */
    static Settings settings(Settings.SettingFile file, String... pairs) {
        Map<String, String> values = new HashMap<>();
        values.put("preset", "auto");
        values.put("currency", "EUR");
        values.put("timeZone", "Europe/Paris");
        values.put("onError", "all-or-nothing");
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Settings(values, file == null ? Map.of() : Map.of("file", file));
    }

    static ReadRequest request(Settings settings, String account, String state) {
        return new ReadRequest(settings, Set.of(account), ALL_STREAMS, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), state);
    }

    static ConnectorContext context() {
        return new ConnectorContext() {
            @Override
            public HttpClient httpClient() {
                throw new UnsupportedOperationException("a file import calls no one");
            }

            @Override
            public Secrets secrets() {
                return new Secrets() {
                    @Override
                    public Optional<String> find(String key) {
                        return Optional.empty();
                    }

                    @Override
                    public void put(String key, String value) {
                    }
                };
            }

            @Override
            public Clock clock() {
                return Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
            }

            @Override
            public Logger logger() {
                return LoggerFactory.getLogger("csv-import-test");
            }
        };
    }

    /** A sink that keeps everything, and checks every record against the schema. */
    static final class Sink implements RecordSink {
        final List<MarketingRecord> records = new ArrayList<>();
        final List<String> checkpoints = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        final List<String> rejectsFr = new ArrayList<>();

        @Override
        public void accept(MarketingRecord record) {
            if (!record.problems().isEmpty()) {
                throw new AssertionError(record + " " + record.problems());
            }
            if (!checkpoints.isEmpty()) {
                throw new AssertionError("record after the checkpoint: " + record);
            }
            records.add(record);
        }

        @Override
        public void checkpoint(String state) {
            checkpoints.add(state);
        }

        @Override
        public void reject(Text where, Text reason) {
            rejects.add(where.en() + ": " + reason.en());
            rejectsFr.add(where.fr() + "\u00a0: " + reason.fr());
        }

        List<MetricRow> rows() {
            return records.stream().filter(MetricRow.class::isInstance).map(MetricRow.class::cast).toList();
        }

        List<CampaignRecord> campaigns() {
            return records.stream().filter(CampaignRecord.class::isInstance).map(CampaignRecord.class::cast).toList();
        }

        List<AccountRecord> accounts() {
            return records.stream().filter(AccountRecord.class::isInstance).map(AccountRecord.class::cast).toList();
        }
    }
}
