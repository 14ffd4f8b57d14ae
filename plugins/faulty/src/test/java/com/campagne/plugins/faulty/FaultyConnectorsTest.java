package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.schema.MarketingRecord;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each faulty connector misbehaves exactly as the host's fault tests expect. */
class FaultyConnectorsTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 16);
    private static final LocalDate TO = LocalDate.of(2026, 11, 22);
    private final TestContext context = TestContext.of(Map.of());

    private static ReadRequest request(Map<String, String> settings, String state) {
        return new ReadRequest(Settings.of(settings), Set.of(FaultyConnector.ACCOUNT_ID), Set.of(Stream.DAILY_METRICS),
                FROM, TO, state);
    }

    @Test
    void theIndexListsEveryConnector() throws Exception {
        // The main classes' index: test-classes holds an empty one of its own, first on the class path.
        Path classes = Path.of(ThrowingConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream index = Files.newInputStream(classes.resolve("META-INF/extensions.idx"))) {
            assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8)).contains(
                    ThrowingConnector.class.getName(), HangingConnector.class.getName(),
                    GarbageConnector.class.getName(), FloodingConnector.class.getName(),
                    WrongAccountConnector.class.getName(), LinkageConnector.class.getName(),
                    CrashingConnector.class.getName());
        }
    }

    @Test
    void everySpecIsSound() {
        assertThat(List.of(new ThrowingConnector(), new HangingConnector(), new GarbageConnector(),
                new FloodingConnector(), new WrongAccountConnector(), new LinkageConnector(), new CrashingConnector()))
                .allSatisfy(c -> assertThat(c.spec().problems()).isEmpty())
                .extracting(c -> c.spec().id())
                .containsExactly("faulty-throws", "faulty-hangs", "faulty-garbage", "faulty-flood",
                        "faulty-wrong-account", "faulty-linkage", "faulty-crash");
    }

    @Test
    void throwsANullPointerExceptionAfterSomeRecords() {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> new ThrowingConnector().read(context, request(Map.of("recordsBeforeFailure", "4"), null), sink))
                .isInstanceOf(NullPointerException.class);
        assertThat(sink.records()).hasSize(4);
    }

    @Test
    void hangsUntilInterruptedWhenAskedToStop() throws Exception {
        Thread reader = Thread.ofVirtual().start(() -> new HangingConnector().read(context,
                request(Map.of("interruptible", "yes"), null), new RecordingSink()));
        assertThat(reader.join(java.time.Duration.ofMillis(500))).isFalse();
        reader.interrupt();
        assertThat(reader.join(java.time.Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void garbageHoldsTwoValidRowsAmongInvalidOrUnaskedRecords() {
        RecordingSink sink = new RecordingSink();
        new GarbageConnector().read(context, request(Map.of(), null), sink);
        List<MarketingRecord> valid = sink.records().stream()
                .filter(r -> r.problems().isEmpty() && r instanceof com.campagne.connectors.api.schema.MetricRow).toList();
        assertThat(valid).hasSize(GarbageConnector.VALID_ROWS);
        assertThat(sink.records()).hasSize(GarbageConnector.VALID_ROWS + GarbageConnector.GARBAGE);
    }

    @Test
    void floodsUntilTheSinkRefuses() {
        RecordingSink sink = new RecordingSink(5_000);
        assertThatThrownBy(() -> new FloodingConnector().read(context, request(Map.of(), null), sink))
                .isInstanceOf(RecordingSink.TooManyRecordsException.class);
        assertThat(sink.records()).hasSize(5_000).doesNotHaveDuplicates();
    }

    @Test
    void emitsAnAccountItWasNotAskedFor() {
        RecordingSink sink = new RecordingSink();
        new WrongAccountConnector().read(context, request(Map.of(), null), sink);
        assertThat(sink.records()).extracting(MarketingRecord::accountId)
                .contains(FaultyConnector.ACCOUNT_ID, WrongAccountConnector.INTRUDER);
    }

    @Test
    void failsWithALinkageErrorInTheChosenVerb() {
        assertThatThrownBy(() -> new LinkageConnector().read(context, request(Map.of(), null), new RecordingSink()))
                .isInstanceOf(NoClassDefFoundError.class);
        assertThatThrownBy(() -> new LinkageConnector().check(context, Settings.of(Map.of("failIn", "check"))))
                .isInstanceOf(LinkageError.class);
    }

    @Test
    void crashesMidDayAfterCheckpointingAndResumesToTheEnd() {
        RecordingSink crashed = new RecordingSink();
        assertThatThrownBy(() -> new CrashingConnector().read(context, request(Map.of("crashAfterDays", "3"), null), crashed))
                .isInstanceOf(Error.class);
        assertThat(crashed.checkpoints()).containsExactly("2026-11-16", "2026-11-17", "2026-11-18");
        assertThat(crashed.committedRecords()).hasSize(3 * CrashingConnector.CAMPAIGNS);
        assertThat(crashed.records()).hasSize(3 * CrashingConnector.CAMPAIGNS + 2);

        RecordingSink resumed = new RecordingSink();
        new CrashingConnector().read(context, request(Map.of("crashAfterDays", "3"), crashed.lastState()), resumed);
        assertThat(resumed.checkpoints()).containsExactly("2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22");
        assertThat(resumed.records()).hasSize(4 * CrashingConnector.CAMPAIGNS)
                .containsAll(crashed.records().subList(3 * CrashingConnector.CAMPAIGNS, crashed.records().size()));
    }
}
