package com.campagne.connectors.testkit;

import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.AdGroupRecord;
import com.campagne.connectors.api.schema.AdRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.MarketingRecord;
import com.campagne.connectors.api.schema.MetricRow;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance tests every connector passes before it is published, in the spirit of Airbyte's
 * {@code SourceAcceptanceTest}. Extend it in your plugin's tests, supply the connector, settings that
 * work and settings that must be refused, and inherit the tests:
 *
 * <pre>{@code
 * class MyConnectorConformanceTest extends ConnectorConformanceTest {
 *
 *     protected Connector connector() {
 *         return new MyConnector();
 *     }
 *
 *     protected Settings goodSettings() {
 *         return Settings.of(Map.of("customerId", "123-456-7890", "apiBaseUrl", stub.baseUrl()));
 *     }
 *
 *     protected Map<String, String> goodSecrets() {
 *         return Map.of("apiKey", "valid-key");
 *     }
 *
 *     protected BadSettings badSettings() {
 *         return BadSettings.refused(goodSettings().values(), Map.of("apiKey", "revoked-key"));
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked: the spec and its settings declaration are sound and bilingual; {@code check}
 * passes with the good settings and refuses the bad ones with the expected typed
 * {@link ConnectorException}; {@code discover} finds accounts (with time zone and currency) and
 * streams; a full read emits only valid records of the requested accounts and streams, checkpoints
 * at least once and gives the same records twice; an incremental read from the last state emits
 * nothing the full read did not; nothing but a {@link ConnectorException} escapes a call, and no
 * call outlives {@link #callTimeout()}; the connector's classes depend on nothing of Campagne but
 * the connectors API.
 *
 * <p>Each test builds its own connector and context, so tests are independent. A check that does not
 * apply to a connector is switched off by overriding its hook (such as
 * {@link #accountsHaveCurrency()}), or, as a last resort, by overriding the test method with
 * {@code @Test @Disabled("why")}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ConnectorConformanceTest {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    /** An account id no provider has, for the read of an account that was never discovered. */
    private static final String UNKNOWN_ACCOUNT = "campagne-testkit-unknown-account";

    private Connector connector;

    /** For subclasses. */
    protected ConnectorConformanceTest() {
    }

    // ---------------------------------------------------------------- what the author supplies

    /**
     * The connector under test, as the plugin's {@code @Extension} creates it.
     *
     * @return a new instance
     */
    protected abstract Connector connector();

    /**
     * Non-secret settings that work: {@code check} passes and {@code read} gives records. Point them
     * at an HTTP stub rather than the real provider so the tests run offline and stay deterministic.
     *
     * @return the settings
     */
    protected abstract Settings goodSettings();

    /**
     * The secrets that go with {@link #goodSettings()}, by setting key.
     *
     * @return the secrets; none by default
     */
    protected Map<String, String> goodSecrets() {
        return Map.of();
    }

    /**
     * Settings or credentials {@code check} must refuse, with the failure type it must throw.
     *
     * @return the bad settings
     */
    protected abstract BadSettings badSettings();

    /**
     * The clock of every context; fixed so that date ranges and figures are reproducible.
     *
     * @return a clock fixed at {@link TestContext#DEFAULT_INSTANT} in UTC by default
     */
    protected Clock clock() {
        return Clock.fixed(TestContext.DEFAULT_INSTANT, ZoneOffset.UTC);
    }

    /**
     * The context of one call. Override it to set an HTTP base URL ({@link TestContext#withBaseUrl})
     * or another HTTP client; keep a new {@link MemorySecrets} per call, as the host does.
     *
     * @param secrets the secrets of the call
     * @return a context with those secrets and {@link #clock()}
     */
    protected TestContext context(Map<String, String> secrets) {
        return TestContext.of(secrets).withClock(clock()).withLoggerOf(connector0().spec().id());
    }

    /**
     * The read the tests run, built from what {@code discover} found. By default: every account and
     * every stream of the catalog, over the 14 full days before the clock's date, with the good
     * settings.
     *
     * @param catalog what {@code discover} returned with the good settings
     * @return a full read request (its state is {@code null})
     */
    protected ReadRequest readRequest(Catalog catalog) {
        LocalDate today = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
        Set<String> accounts = catalog.accounts().stream().map(AccountRecord::accountId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ReadRequest(goodSettings(), accounts, catalog.streams(), today.minusDays(14), today.minusDays(1),
                null);
    }

    /**
     * How long one call ({@code check}, {@code discover} or a whole {@code read}) may take before
     * its test fails; the call's thread is then interrupted.
     *
     * @return one minute by default
     */
    protected Duration callTimeout() {
        return Duration.ofMinutes(1);
    }

    /**
     * Whether every discovered account has a currency. True for anything that reports money; a
     * source without money figures (a mail server, organic social) returns false.
     *
     * @return true by default
     */
    protected boolean accountsHaveCurrency() {
        return true;
    }

    // ---------------------------------------------------------------- spec

    /** The spec is sound: no declaration problem, bilingual texts, a semantic version, a stable value. */
    @Test
    @Order(1)
    protected void specIsValid() {
        ConnectorSpec spec = call("spec", () -> connector0().spec());
        assertThat(spec).as("spec()").isNotNull();
        assertThat(spec.problems()).as("problems of the spec's declaration").isEmpty();
        assertBilingual("spec name", spec.name());
        assertBilingual("spec description", spec.description());
        assertThat(spec.version()).as("spec version (semantic: 1.2.3)").matches(SEMVER);
        if (spec.documentation() != null) {
            assertHttpUrl("spec documentation", spec.documentation());
        }
        if (spec.icon() != null) {
            ClassLoader loader = connector0().getClass().getClassLoader();
            assertThat(loader.getResource(spec.icon()) != null
                    || connector0().getClass().getResource(spec.icon()) != null)
                    .as("the icon resource %s is in the plugin", spec.icon()).isTrue();
        }
        if (spec.oauth2() != null) {
            assertHttpUrl("OAuth 2 authorization endpoint", spec.oauth2().authorizationEndpoint());
            assertHttpUrl("OAuth 2 token endpoint", spec.oauth2().tokenEndpoint());
        }
        for (SettingField field : spec.settings()) {
            assertFieldSane(field);
        }
        assertThat(call("spec", () -> connector0().spec())).as("a second spec() (it must be stable)").isEqualTo(spec);
    }

    /**
     * The settings declaration is usable as a form: defaults valid, choices distinct, one text per
     * group, and within a group that orders its settings no two at the same position (a group whose
     * settings all keep order 0 is shown in declaration order).
     */
    @Test
    @Order(2)
    protected void settingsDeclarationIsValid() {
        ConnectorSpec spec = connector0().spec();
        Map<String, List<SettingField>> byGroup = new HashMap<>();
        Map<String, Text> groupTexts = new HashMap<>();
        for (SettingField field : spec.settings()) {
            if (field.defaultValue() != null) {
                assertThat(field.validate(field.defaultValue())).as("validation of the default of %s", field.key())
                        .isEmpty();
            }
            if (field.type() == SettingType.CHOICE) {
                assertThat(field.choices()).as("choices of %s", field.key()).isNotEmpty();
                assertThat(field.choices().stream().map(Choice::value).distinct().count())
                        .as("distinct choice values of %s", field.key()).isEqualTo(field.choices().size());
            }
            String group = field.group() == null ? "" : field.group().en();
            if (field.group() != null) {
                assertThat(groupTexts.computeIfAbsent(group, g -> field.group()))
                        .as("French text of group \"%s\" (one group, one text)", group).isEqualTo(field.group());
            }
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(field);
        }
        byGroup.forEach((group, fields) -> {
            if (fields.stream().anyMatch(f -> f.order() != 0)) {
                assertThat(fields.stream().map(SettingField::order).distinct().count())
                        .as("positions in group \"%s\" (each setting its own order: %s)", group,
                                fields.stream().map(f -> f.key() + "=" + f.order()).toList())
                        .isEqualTo(fields.size());
            }
        });
    }

    /**
     * The good settings fit the declaration: each value valid, required settings given, secrets only
     * among the secrets (never in {@link Settings}, which may be printed).
     */
    @Test
    @Order(3)
    protected void goodSettingsFitTheDeclaration() {
        ConnectorSpec spec = connector0().spec();
        Settings settings = goodSettings();
        Map<String, String> secrets = goodSecrets();
        for (SettingField field : spec.settings()) {
            if (field.secret()) {
                assertThat(settings.values()).as("settings (secret %s belongs in goodSecrets())", field.key())
                        .doesNotContainKey(field.key());
                if (field.required() && field.type() == SettingType.SECRET) {
                    assertThat(secrets.get(field.key())).as("required secret %s", field.key()).isNotBlank();
                }
            } else if (field.type() != SettingType.FILE) {
                String value = settings.values().get(field.key());
                assertThat(field.validate(value)).as("validation of good setting %s = %s", field.key(), value)
                        .isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- check

    /** {@code check} passes with the good settings and says what it reached, in both languages. */
    @Test
    @Order(4)
    protected void checkPassesWithGoodSettings() {
        CheckResult result = call("check", () -> connector0().check(context(goodSecrets()), goodSettings()));
        assertThat(result).as("check result").isNotNull();
        assertBilingual("check message", result.message());
    }

    /** {@code check} refuses the bad settings with a {@link ConnectorException} of the expected type. */
    @Test
    @Order(5)
    protected void checkRefusesBadSettingsWithATypedError() {
        BadSettings bad = badSettings();
        ConnectorException error = expectTypedFailure("check with bad settings",
                () -> connector0().check(context(bad.secrets()), bad.settings()));
        assertThat(error).as("check with bad settings must fail, but it passed").isNotNull();
        assertThat(error.type()).as("failure type of check with bad settings (%s)", error.userMessage())
                .isEqualTo(bad.expected());
        assertBilingual("message of the refused check", error.userMessage());
        if (error.settingKey() != null) {
            assertThat(connector0().spec().setting(error.settingKey()))
                    .as("the setting at fault, %s, is declared", error.settingKey()).isNotNull();
        }
    }

    // ---------------------------------------------------------------- discover

    /** {@code discover} finds valid accounts (time zone, currency, distinct ids) and at least one stream. */
    @Test
    @Order(6)
    protected void discoverFindsAccountsAndStreams() {
        Catalog catalog = discover();
        assertThat(catalog.accounts()).as("discovered accounts").isNotEmpty();
        assertThat(catalog.streams()).as("discovered streams").isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (AccountRecord account : catalog.accounts()) {
            assertThat(account.problems()).as("problems of discovered %s", account).isEmpty();
            assertThat(ids.add(account.accountId())).as("account id %s is unique", account.accountId()).isTrue();
            assertThat(account.timeZone()).as("time zone of %s", account).isNotNull();
            if (accountsHaveCurrency()) {
                assertThat(account.currency()).as("currency of %s", account).isNotNull();
            }
            assertThat(account.name()).as("name of %s", account).isNotBlank();
        }
    }

    // ---------------------------------------------------------------- read

    /**
     * A full read emits records, all valid against the schema, all of requested accounts and streams,
     * with metric dates inside the range and money in the account's currency.
     */
    @Test
    @Order(7)
    protected void fullReadEmitsValidRecordsOfTheRequestedAccountsAndStreams() {
        Catalog catalog = discover();
        ReadRequest request = readRequest(catalog);
        RecordingSink sink = read(request);
        assertThat(sink.records()).as("records of a full read of %s", request).isNotEmpty();
        Map<String, String> currencies = new HashMap<>();
        catalog.accounts().forEach(a -> currencies.put(a.accountId(), a.currency()));
        List<String> wrong = new ArrayList<>();
        for (MarketingRecord record : sink.records()) {
            List<String> problems = new ArrayList<>(record.problems());
            if (!request.accountIds().contains(record.accountId())) {
                problems.add("account " + record.accountId() + " was not requested");
            }
            Stream stream = streamOf(record);
            if (!request.streams().contains(stream)) {
                problems.add("stream " + stream + " was not requested");
            }
            if (record instanceof MetricRow row && row.date() != null
                    && (row.date().isBefore(request.from()) || row.date().isAfter(request.to()))) {
                problems.add("date " + row.date() + " is outside " + request.from() + " – " + request.to());
            }
            if (record instanceof MetricRow row && row.measures() != null && row.measures().hasMoney()
                    && currencies.get(row.accountId()) != null && row.currency() != null
                    && !row.currency().equals(currencies.get(row.accountId()))) {
                problems.add("money in " + row.currency() + " but the account's currency is "
                        + currencies.get(row.accountId()));
            }
            if (!problems.isEmpty()) {
                wrong.add(record + ": " + problems);
            }
        }
        assertThat(wrong.stream().limit(10).toList())
                .as("invalid records (%d of %d; the first 10 shown)", wrong.size(), sink.records().size())
                .isEmpty();
    }

    /** A full read checkpoints at least once, with a non-blank state to resume from. */
    @Test
    @Order(8)
    protected void fullReadCheckpointsAtLeastOnce() {
        RecordingSink sink = read(readRequest(discover()));
        assertThat(sink.checkpoints()).as("checkpoints of a full read").isNotEmpty();
        assertThat(sink.checkpoints()).as("checkpointed states").allSatisfy(state -> assertThat(state).isNotBlank());
    }

    /** Two identical full reads give the same records (re-reading a range is safe and reproducible). */
    @Test
    @Order(9)
    protected void twoIdenticalFullReadsGiveTheSameRecords() {
        ReadRequest request = readRequest(discover());
        List<MarketingRecord> first = read(request).records();
        List<MarketingRecord> second = read(request).records();
        assertThat(second).as("records of the second full read").containsExactlyInAnyOrderElementsOf(first);
    }

    /**
     * An incremental read from the last checkpointed state of a full read emits nothing new: every
     * record it emits (a re-emitted recent window, the accounts…) equals one of the full read.
     */
    @Test
    @Order(10)
    protected void incrementalReadFromTheLastStateEmitsNothingNew() {
        ReadRequest request = readRequest(discover());
        RecordingSink full = read(request);
        assumeTrue(full.lastState() != null, "the full read never checkpointed (see fullReadCheckpointsAtLeastOnce)");
        RecordingSink incremental = read(request.withState(full.lastState()));
        Set<MarketingRecord> known = new HashSet<>(full.records());
        List<MarketingRecord> unknown = incremental.records().stream().filter(r -> !known.contains(r)).toList();
        assertThat(unknown).as("records of the incremental read from state %s that the full read did not emit",
                full.lastState()).isEmpty();
    }

    /** A read of one account, when several were discovered, emits records of that account only. */
    @Test
    @Order(11)
    protected void readOfOneAccountEmitsThatAccountOnly() {
        Catalog catalog = discover();
        assumeTrue(catalog.accounts().size() > 1, "only one account discovered");
        ReadRequest all = readRequest(catalog);
        String first = all.accountIds().iterator().next();
        ReadRequest one = new ReadRequest(all.settings(), Set.of(first), all.streams(), all.from(), all.to(), null);
        RecordingSink sink = read(one);
        assertThat(sink.records()).as("records of a read of account %s only", first)
                .allSatisfy(r -> assertThat(r.accountId()).isEqualTo(first));
    }

    /**
     * A read of an account that does not exist emits nothing, or fails with a {@link ConnectorException}
     * (never another exception, never records of other accounts).
     */
    @Test
    @Order(12)
    protected void readOfAnUnknownAccountEmitsNothing() {
        ReadRequest all = readRequest(discover());
        ReadRequest unknown = new ReadRequest(all.settings(), Set.of(UNKNOWN_ACCOUNT), all.streams(), all.from(),
                all.to(), null);
        RecordingSink sink = new RecordingSink();
        expectTypedFailure("read of an unknown account",
                () -> {
                    connector0().read(context(goodSecrets()), unknown, sink);
                    return null;
                });
        assertThat(sink.records()).as("records of a read of an account that does not exist").isEmpty();
    }

    /**
     * With the bad settings, {@code discover} and {@code read} either succeed or throw a
     * {@link ConnectorException}; nothing else escapes.
     */
    @Test
    @Order(13)
    protected void errorsAreTyped() {
        BadSettings bad = badSettings();
        Catalog catalog = discover();
        ReadRequest good = readRequest(catalog);
        ReadRequest request = new ReadRequest(bad.settings(), good.accountIds(), good.streams(), good.from(),
                good.to(), null);
        expectTypedFailure("discover with bad settings",
                () -> connector0().discover(context(bad.secrets()), bad.settings()));
        expectTypedFailure("read with bad settings", () -> {
            connector0().read(context(bad.secrets()), request, new RecordingSink());
            return null;
        });
    }

    // ---------------------------------------------------------------- architecture

    /**
     * The connector's package depends on nothing of Campagne except the connectors API: the host's
     * other classes are not visible to a plugin at run time.
     */
    @Test
    @Order(14)
    protected void connectorDependsOnTheConnectorsApiOnly() {
        Class<?> type = connector0().getClass();
        String pkg = type.getPackageName();
        // The classes where the connector itself was loaded from: the plugin's jar or its target/classes.
        JavaClasses classes = new ClassFileImporter()
                .importLocations(List.of(Location.of(type.getProtectionDomain().getCodeSource().getLocation())));
        ArchRule rule = noClasses().that().resideInAPackage(pkg + "..")
                .should().dependOnClassesThat(resideInAPackage("com.campagne..")
                        .and(not(resideInAPackage("com.campagne.connectors.api..")))
                        .and(not(resideInAPackage(pkg + ".."))))
                .because("a plugin sees only the connectors API of the host: the app's classes are not there at run time");
        rule.check(classes);
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /**
     * Discovers with the good settings.
     *
     * @return the catalog
     */
    protected final Catalog discover() {
        Catalog catalog = call("discover", () -> connector0().discover(context(goodSecrets()), goodSettings()));
        assertThat(catalog).as("discover result").isNotNull();
        return catalog;
    }

    /**
     * Reads with the good secrets into a new {@link RecordingSink}, within {@link #callTimeout()}.
     *
     * @param request the request
     * @return the sink holding what the read emitted
     */
    protected final RecordingSink read(ReadRequest request) {
        RecordingSink sink = new RecordingSink();
        call("read", () -> {
            connector0().read(context(goodSecrets()), request, sink);
            return null;
        });
        return sink;
    }

    /**
     * Runs one call into the connector within {@link #callTimeout()}, letting a
     * {@link ConnectorException} through and failing the test on any other exception or error.
     *
     * @param verb what is called, for the failure message
     * @param call the call
     * @param <T>  what the call returns
     * @return what the call returned
     */
    protected final <T> T call(String verb, ThrowingSupplier<T> call) {
        return assertTimeoutPreemptively(callTimeout(), () -> {
            try {
                return call.get();
            } catch (ConnectorException | RecordingSink.TooManyRecordsException | AssertionError e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(verb + " threw " + t + ": a connector throws only ConnectorException"
                        + " subclasses (BadSettingsException, AuthenticationExpiredException, RateLimitedException,"
                        + " TransientException, PermanentException)", t);
            }
        }, () -> verb + " took longer than " + callTimeout());
    }

    private <T> ConnectorException expectTypedFailure(String verb, ThrowingSupplier<T> call) {
        try {
            call(verb, call);
            return null;
        } catch (ConnectorException e) {
            assertThat(e.type()).as("failure type of %s", verb).isNotNull();
            return e;
        }
    }

    private Connector connector0() {
        if (connector == null) {
            connector = Objects.requireNonNull(connector(), "connector()");
        }
        return connector;
    }

    private static Stream streamOf(MarketingRecord record) {
        return switch (record) {
            case AccountRecord a -> Stream.ACCOUNTS;
            case CampaignRecord c -> Stream.CAMPAIGNS;
            case AdGroupRecord g -> Stream.AD_GROUPS;
            case AdRecord a -> Stream.ADS;
            case MetricRow m -> m.hour() == null ? Stream.DAILY_METRICS : Stream.HOURLY_METRICS;
        };
    }

    private static void assertFieldSane(SettingField field) {
        String key = field.key();
        assertBilingual("label of setting " + key, field.label());
        if (field.help() != null) {
            assertBilingual("help of setting " + key, field.help());
        }
        if (field.group() != null) {
            assertBilingual("group of setting " + key, field.group());
        }
        assertThat(field.order()).as("order of setting %s", key).isNotNegative();
        if (field.type() != SettingType.CHOICE) {
            assertThat(field.choices()).as("choices of non-choice setting %s", key).isEmpty();
        }
        for (Choice choice : field.choices()) {
            assertThat(choice.value()).as("a choice value of %s", key).isNotBlank();
            assertBilingual("label of choice " + choice.value() + " of " + key, choice.label());
        }
        if (field.min() != null || field.max() != null) {
            assertThat(field.type()).as("type of bounded setting %s", key).isEqualTo(SettingType.NUMBER);
        }
        if (field.min() != null && field.max() != null) {
            assertThat(field.min()).as("min of %s (not above its max)", key).isLessThanOrEqualTo(field.max());
        }
        if (field.pattern() != null) {
            assertThat(field.patternHint()).as("hint of the pattern of %s (told to the user)", key).isNotNull();
            assertBilingual("pattern hint of " + key, field.patternHint());
        }
        if (field.secret()) {
            assertThat(field.defaultValue()).as("default of secret %s", key).isNull();
        }
    }

    private static void assertBilingual(String what, Text text) {
        assertThat(text).as(what).isNotNull();
        assertThat(text.fr()).as(what + " in French").isNotBlank();
        assertThat(text.en()).as(what + " in English").isNotBlank();
    }

    private static void assertHttpUrl(String what, URI uri) {
        assertThat(uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))
                .as("%s %s is an absolute http(s) URL", what, uri).isTrue();
    }
}
