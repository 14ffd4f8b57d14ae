package com.campagne.connectors.testkit;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.leaky.LeakyConnector;
import com.campagne.connectors.testkit.sample.SampleConnector;
import com.campagne.connectors.testkit.sample.SampleConnector.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The kit passes a sound connector and fails exactly the tests a broken one breaks. */
class KitCatchesBrokenConnectorsTest {

    static Stream<Arguments> connectors() {
        return Stream.of(
                Arguments.of(Sound.class, Set.of()),
                Arguments.of(UntypedError.class, Set.of("checkRefusesBadSettingsWithATypedError", "errorsAreTyped")),
                // From the last day's state nothing is left to read: only the full reads differ.
                Arguments.of(UnstableFigures.class, Set.of("twoIdenticalFullReadsGiveTheSameRecords")),
                // The full read asks for every account: only narrower reads show the intruder.
                Arguments.of(OtherAccount.class, Set.of("readOfOneAccountEmitsThatAccountOnly",
                        "readOfAnUnknownAccountEmitsNothing")),
                Arguments.of(NegativeClicks.class, Set.of("fullReadEmitsValidRecordsOfTheRequestedAccountsAndStreams")),
                Arguments.of(NoCheckpoint.class, Set.of("fullReadCheckpointsAtLeastOnce")),
                Arguments.of(IncrementalIgnoresState.class, Set.of("incrementalReadFromTheLastStateEmitsNothingNew")),
                Arguments.of(SloppySpec.class, Set.of("specIsValid")),
                Arguments.of(ClashingOrder.class, Set.of("settingsDeclarationIsValid")),
                Arguments.of(Leaky.class, Set.of("connectorDependsOnTheConnectorsApiOnly")));
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void failsExactlyTheBrokenChecks(Class<?> kit, Set<String> expectedFailures) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();

        Set<String> failed = tests.failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName().replace("()", ""))
                .collect(Collectors.toSet());
        assertThat(failed).as("kit tests failed for %s", kit.getSimpleName()).isEqualTo(expectedFailures);
        assertThat(tests.started().count()).as("kit tests run").isEqualTo(14);
    }

    /** The kit on the sample connector with some faults. */
    abstract static class SampleKit extends ConnectorConformanceTest {

        abstract Set<Fault> faults();

        @Override
        protected Connector connector() {
            return new SampleConnector(faults());
        }

        @Override
        protected Settings goodSettings() {
            return Settings.of(Map.of("accountName", "Boulangerie Martin"));
        }

        @Override
        protected Map<String, String> goodSecrets() {
            return Map.of("apiKey", "valid");
        }

        @Override
        protected BadSettings badSettings() {
            return BadSettings.refused(goodSettings().values(), Map.of("apiKey", "revoked"));
        }
    }

    static class Sound extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of();
        }
    }

    static class UntypedError extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.UNTYPED_ERROR);
        }
    }

    static class UnstableFigures extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.UNSTABLE_FIGURES);
        }
    }

    static class OtherAccount extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.OTHER_ACCOUNT);
        }
    }

    static class NegativeClicks extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.NEGATIVE_CLICKS);
        }
    }

    static class NoCheckpoint extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.NO_CHECKPOINT);
        }
    }

    static class IncrementalIgnoresState extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.INCREMENTAL_IGNORES_STATE);
        }
    }

    static class SloppySpec extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.SLOPPY_SPEC);
        }
    }

    static class ClashingOrder extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of(Fault.CLASHING_ORDER);
        }
    }

    static class Leaky extends SampleKit {
        @Override
        Set<Fault> faults() {
            return Set.of();
        }

        @Override
        protected Connector connector() {
            return new LeakyConnector();
        }
    }
}
