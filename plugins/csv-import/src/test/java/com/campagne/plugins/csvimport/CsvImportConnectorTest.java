package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

import static com.campagne.plugins.csvimport.Fixtures.context;
import static com.campagne.plugins.csvimport.Fixtures.request;
import static com.campagne.plugins.csvimport.Fixtures.resource;
import static com.campagne.plugins.csvimport.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportConnectorTest {

    private final CsvImportConnector connector = new CsvImportConnector();

    private Fixtures.Sink read(Settings settings) {
        Catalog catalog = connector.discover(context(), settings);
        assertThat(catalog.accounts()).hasSize(1);
        Fixtures.Sink sink = new Fixtures.Sink();
        connector.read(context(), request(settings, catalog.accounts().getFirst().accountId(), null), sink);
        return sink;
    }

    private static MetricRow row(Fixtures.Sink sink, String date, String campaign) {
        return sink.rows().stream()
                .filter(r -> r.date().equals(LocalDate.parse(date)) && java.util.Objects.equals(r.campaignId(), campaign))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + date + " " + campaign + " in " + sink.rows()));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void specDeclaresTheSettingsSoundly() {
        ConnectorSpec spec = connector.spec();
        assertThat(spec.id()).isEqualTo("csv-import");
        assertThat(spec.category()).isEqualTo(com.campagne.connectors.api.Category.FILE);
        assertThat(spec.problems()).isEmpty();
        assertThat(spec.settings()).extracting(f -> f.key())
                .containsExactly("file", "preset", "mapping", "accountId", "accountName", "currency", "timeZone", "onError");
        assertThat(spec.setting("preset").choices()).extracting(c -> c.value()).containsExactly(
                "auto", "google-ads", "meta-ads", "linkedin-ads", "microsoft-ads", "ga4", "matomo", "custom");
        assertThat(spec.setting("onError").defaultValue()).isEqualTo("all-or-nothing");
        assertThat(spec.setting("file").required()).isTrue();
    }

    @Test
    void googleAdsFrenchUtf16TabExport() throws Exception {
        Fixtures.Upload file = resource("google-ads-fr.tsv");
        Settings settings = settings(file);

        CheckResult check = connector.check(context(), settings);
        assertThat(check.message().fr()).isEqualTo("Fichier « google-ads-fr.tsv » reconnu : Google Ads (en-tête ligne 3), "
                + "4 ligne(s) du 01/11/2026 au 02/11/2026, 2 campagne(s).");
        assertThat(check.message().en()).isEqualTo("File \"google-ads-fr.tsv\" recognised: Google Ads (header on line 3), "
                + "4 line(s) from 2026-11-01 to 2026-11-02, 2 campaign(s).");

        Fixtures.Sink sink = read(settings);
        assertThat(sink.accounts()).containsExactly(
                new AccountRecord("csv-import", "Import Google Ads", "EUR", ZoneId.of("Europe/Paris")));
        assertThat(sink.campaigns()).containsExactly(
                new CampaignRecord("csv-import", "Marque – Boulangerie", "Marque – Boulangerie", EntityStatus.ACTIVE,
                        Channel.SEARCH, null, null),
                new CampaignRecord("csv-import", "Display – Noël", "Display – Noël", EntityStatus.PAUSED,
                        Channel.DISPLAY, null, null));
        assertThat(sink.rows()).hasSize(4); // the three total lines are not imported
        assertThat(row(sink, "2026-11-01", "Marque – Boulangerie")).isEqualTo(MetricRow.daily(LocalDate.of(2026, 11, 1),
                "csv-import", "Marque – Boulangerie", Channel.SEARCH, "EUR", Measures.builder().impressions(1234L)
                        .clicks(87L).cost(dec("45.67")).conversions(dec("3.00")).conversionValue(dec("120.00")).build()));
        MetricRow display = row(sink, "2026-11-01", "Display – Noël");
        assertThat(display.channel()).isEqualTo(Channel.DISPLAY);
        assertThat(display.measures().impressions()).isEqualTo(12345L); // narrow no-break space groups thousands
        assertThat(display.measures().clicks()).as("-- is unknown, not 0").isNull();
        assertThat(display.measures().cost()).isEqualByComparingTo("1012.30");
        MetricRow paused = row(sink, "2026-11-02", "Display – Noël");
        assertThat(paused.measures().conversions()).isNull();
        assertThat(paused.measures().conversionValue()).isNull();
        assertThat(paused.measures().cost()).isEqualByComparingTo("9.80");

        byte[] bytes = file.open().readAllBytes();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sink.checkpoints).containsExactly("sha256:" + sha);
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void sameFileAgainImportsNothingAndAnotherFileImportsAll() {
        Settings settings = settings(resource("google-ads-fr.tsv"));
        Fixtures.Sink first = read(settings);
        String state = first.checkpoints.getFirst();

        Fixtures.Sink again = new Fixtures.Sink();
        connector.read(context(), request(settings, "csv-import", state), again);
        assertThat(again.records).isEmpty();
        assertThat(again.checkpoints).isEmpty();

        Fixtures.Sink other = new Fixtures.Sink();
        connector.read(context(), request(settings, "csv-import", "sha256:0000"), other);
        assertThat(other.rows()).hasSize(4);
        assertThat(other.checkpoints).containsExactly(state);
    }

    @Test
    void googleAdsEnglishCsvWithUsNumbersAndTextDates() {
        Fixtures.Sink sink = read(settings(resource("google-ads-en.csv")));
        assertThat(sink.rows()).hasSize(3);
        MetricRow brand = row(sink, "2026-11-01", "Brand - Bakery");
        assertThat(brand.currency()).isEqualTo("USD");
        assertThat(brand.measures().impressions()).isEqualTo(1234L);
        assertThat(brand.measures().videoViews()).isNull();
        MetricRow video = row(sink, "2026-11-01", "YouTube - Christmas");
        assertThat(video.channel()).isEqualTo(Channel.VIDEO);
        assertThat(video.measures().cost()).isEqualByComparingTo("1012.30");
        assertThat(video.measures().videoViews()).isEqualTo(4321L);
        assertThat(row(sink, "2026-11-02", "Brand - Bakery").measures().clicks()).isEqualTo(90L);
        assertThat(sink.accounts().getFirst().currency()).isEqualTo("USD");
    }

    @Test
    void metaAdsFrenchWithBomSummaryRowAndCurrencyInTheHeader() {
        Fixtures.Sink sink = read(settings(resource("meta-ads-fr.csv"), "currency", "USD"));
        assertThat(sink.rows()).hasSize(3); // the summary row (no campaign) is skipped
        MetricRow prospection = row(sink, "2026-11-01", "Noël – Prospection");
        assertThat(prospection).isEqualTo(new MetricRow(LocalDate.of(2026, 11, 1), null, "csv-import",
                "Noël – Prospection", "Femmes 25-45", null, Channel.SOCIAL, null, null, "EUR",
                Measures.builder().impressions(4000L).clicks(150L).cost(dec("90.10")).conversions(dec("5"))
                        .conversionValue(dec("400.00")).videoViews(700L).engagements(300L).build()));
        assertThat(row(sink, "2026-11-01", "Noël – Retargeting").measures().videoViews()).isNull();
        assertThat(sink.campaigns()).extracting(CampaignRecord::status).containsOnly(EntityStatus.ACTIVE);
        assertThat(sink.accounts().getFirst().currency()).as("the header says EUR").isEqualTo("EUR");
    }

    @Test
    void linkedInEnglishWithTitleLinesAndUsDates() {
        Fixtures.Sink sink = read(settings(resource("linkedin-ads-en.csv")));
        assertThat(sink.rows()).extracting(MetricRow::date)
                .containsExactly(LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 13));
        MetricRow first = sink.rows().getFirst();
        assertThat(first.campaignId()).isEqualTo("201234567");
        assertThat(first.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(first.measures()).isEqualTo(Measures.builder().impressions(2100L).clicks(18L).cost(dec("35.20"))
                .conversions(dec("1")).likes(12L).comments(3L).shares(2L).followers(4L).engagements(39L).build());
        assertThat(sink.campaigns()).containsExactly(new CampaignRecord("csv-import", "201234567",
                "Recrutement boulangers", EntityStatus.ACTIVE, Channel.SOCIAL, null, null));
        assertThat(sink.accounts().getFirst().name()).isEqualTo("Boulangerie Martin");
    }

    @Test
    void microsoftFrenchWindows1252SemicolonWithFooter() {
        Settings settings = settings(resource("microsoft-ads-fr.csv"), "currency", "USD"); // € in the cells wins
        CheckResult check = connector.check(context(), settings);
        assertThat(check.message().en()).contains("Microsoft Advertising (header on line 6), 3 line(s) from 2026-11-13 to 2026-11-14");
        Fixtures.Sink sink = read(settings);
        assertThat(sink.accounts()).containsExactly(
                new AccountRecord("F1234567", "Boulangerie Martin", "EUR", ZoneId.of("Europe/Paris")));
        assertThat(sink.rows()).hasSize(3);
        MetricRow desktop = sink.rows().getFirst();
        assertThat(desktop).isEqualTo(new MetricRow(LocalDate.of(2026, 11, 13), null, "F1234567", "Marque – Pâtisserie",
                null, null, Channel.SEARCH, Device.DESKTOP, null, "EUR", Measures.builder().impressions(1020L)
                .clicks(31L).cost(dec("18.40")).conversions(dec("2")).conversionValue(dec("64.00")).build()));
        assertThat(sink.rows().get(1).device()).isEqualTo(Device.MOBILE);
        assertThat(sink.rows().get(2).measures().conversions()).isNull();
    }

    @Test
    void ga4EnglishWithCommentsSummaryAndBounceRate() {
        Fixtures.Sink sink = read(settings(resource("ga4-en.csv")));
        assertThat(sink.rows()).hasSize(4);
        assertThat(sink.campaigns()).isEmpty();
        assertThat(sink.rows()).extracting(MetricRow::channel)
                .containsExactly(Channel.ORGANIC_SEARCH, Channel.DIRECT, Channel.SOCIAL, Channel.OTHER);
        assertThat(sink.rows().getFirst()).isEqualTo(new MetricRow(LocalDate.of(2026, 11, 23), null, "csv-import", null,
                null, null, Channel.ORGANIC_SEARCH, null, null, "EUR", Measures.builder().users(200L).newUsers(150L)
                .sessions(260L).pageViews(800L).bounces(110L).conversions(dec("10")).conversionValue(dec("500")).build()));
        assertThat(sink.rows()).extracting(r -> r.measures().bounces()).containsExactly(110L, 50L, 57L, 54L);
    }

    @Test
    void matomoFrenchUtf16WithPercentagesAndEuroAmounts() {
        Fixtures.Sink sink = read(settings(resource("matomo-fr.csv"), "currency", "CHF"));
        assertThat(sink.rows()).hasSize(4);
        MetricRow search = sink.rows().getFirst();
        assertThat(search).isEqualTo(new MetricRow(LocalDate.of(2026, 11, 23), null, "csv-import", null, null, null,
                Channel.ORGANIC_SEARCH, null, null, "EUR", Measures.builder().sessions(120L).users(98L).pageViews(410L)
                .bounces(54L).conversions(dec("3")).conversionValue(dec("1234.56")).build()));
        assertThat(sink.rows()).extracting(MetricRow::channel)
                .containsExactly(Channel.ORGANIC_SEARCH, Channel.DIRECT, Channel.ORGANIC_SOCIAL, Channel.REFERRAL);
        assertThat(sink.rows()).extracting(r -> r.measures().bounces()).containsExactly(54L, 40L, 12L, 11L);
    }

    @Test
    void customMappingReadsUnknownColumns() {
        Settings settings = settings(resource("custom-fr.csv"), "preset", "custom", "mapping",
                "date=Jour de diffusion; campaign=Opération; cost=Budget consommé (EUR);\nimpressions=Affichages; clicks=Clics");
        assertThat(connector.check(context(), settings).message().en())
                .startsWith("File \"custom-fr.csv\" recognised: Custom (mapping) (header on line 2), 2 line(s)");
        Fixtures.Sink sink = read(settings);
        assertThat(sink.accounts().getFirst().name()).isEqualTo("Import CSV");
        assertThat(sink.rows()).containsExactly(
                new MetricRow(LocalDate.of(2026, 11, 23), null, "csv-import", "Affichage abribus", null, null, null, null,
                        null, "EUR", Measures.builder().impressions(45000L).cost(dec("1250.00")).build()),
                new MetricRow(LocalDate.of(2026, 11, 24), null, "csv-import", "Affichage abribus", null, null, null, null,
                        null, "EUR", Measures.builder().impressions(47500L).clicks(12L).cost(dec("1250.00")).build()));
    }

    @Test
    void customWithoutMappingOrWithAMissingColumnIsABadSetting() {
        assertThatThrownBy(() -> connector.check(context(), settings(resource("custom-fr.csv"), "preset", "custom")))
                .isInstanceOf(BadSettingsException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).settingKey()).isEqualTo("mapping"));
        assertThatThrownBy(() -> connector.check(context(), settings(resource("custom-fr.csv"), "preset", "custom",
                "mapping", "date=Jour de diffusion; campaign=Opération; cost=Budget (EUR)")))
                .isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("Column(s) \"Budget (EUR)\" of the mapping not found in the header on line 2")
                .hasMessageContaining("« Budget consommé (EUR) »");
        assertThatThrownBy(() -> connector.check(context(), settings(resource("custom-fr.csv"), "preset", "custom",
                "mapping", "date=Jour de diffusion; budget=Budget consommé (EUR)")))
                .isInstanceOf(BadSettingsException.class)
                .hasMessageContaining("\"budget=Budget consommé (EUR)\" is not understood");
    }

    @Test
    void mappingOverridesAPreset() {
        Fixtures.Sink sink = read(settings(resource("google-ads-en.csv"), "preset", "google-ads",
                "mapping", "videoViews=; campaign=Campaign type"));
        assertThat(sink.rows()).extracting(MetricRow::campaignId).containsExactly("Search", "Video", "Search");
        assertThat(sink.rows()).allSatisfy(r -> assertThat(r.measures().videoViews()).isNull());
    }

    @Test
    void missingDateColumnIsReported() {
        assertThatThrownBy(() -> connector.check(context(), settings(resource("missing-date.csv"))))
                .isInstanceOf(BadSettingsException.class)
                .hasMessageStartingWith("No date column in the header (line 1: « Campagne », « Impr. », « Clics », « Coût »)");
    }

    @Test
    void allOrNothingRefusesAFileWithABadLineAndEmitsNothing() {
        Settings settings = settings(resource("bad-number-line7.csv"));
        Fixtures.Sink sink = new Fixtures.Sink();
        assertThatThrownBy(() -> connector.read(context(), request(settings, "csv-import", null), sink))
                .isInstanceOf(BadSettingsException.class)
                .satisfies(e -> {
                    ConnectorException error = (ConnectorException) e;
                    assertThat(error.settingKey()).isEqualTo("file");
                    assertThat(error.userMessage().en()).isEqualTo("1 bad line(s), nothing is imported:\n"
                            + "line 7: Clics: \"9O\" is not a number\nFix the file or choose to skip bad lines.");
                    assertThat(error.userMessage().fr()).contains("ligne 7 : Clics : « 9O » n’est pas un nombre");
                });
        assertThat(sink.records).isEmpty();
        assertThat(sink.checkpoints).isEmpty();
        assertThatThrownBy(() -> connector.check(context(), settings)).hasMessageContaining("line 7");
    }

    @Test
    void skipBadLinesImportsTheOthersAndReportsTheBadOne() {
        Settings settings = settings(resource("bad-number-line7.csv"), "onError", "skip-bad-lines");
        assertThat(connector.check(context(), settings).message().en()).endsWith("1 bad line(s) will be skipped.");
        Fixtures.Sink sink = read(settings);
        assertThat(sink.rows()).extracting(MetricRow::date).containsExactly(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5));
        assertThat(sink.rejects).containsExactly("line 7: Clics: \"9O\" is not a number");
        assertThat(sink.rejectsFr).containsExactly("ligne 7 : Clics : « 9O » n’est pas un nombre");
        assertThat(sink.checkpoints).hasSize(1);
    }

    @Test
    void twoLinesOfTheSameDayAndCampaignAreNotSilentlyMerged() {
        String csv = "Jour;Campagne;Appareil;Clics\n2026-11-01;Marque;Mobiles;3\n2026-11-01;Marque;Ordinateurs;4\n"
                + "2026-11-01;Marque;Mobiles;5\n";
        Settings settings = settings(Fixtures.bytes("devices.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> connector.check(context(), settings))
                .hasMessageContaining("line 4: Same day, campaign and breakdown as line 2");
    }

    @Test
    void emptyFileGarbageAndUnknownReportsAreRefused() {
        assertThatThrownBy(() -> connector.check(context(), settings(resource("empty.csv"))))
                .isInstanceOf(BadSettingsException.class).hasMessage("The file \"empty.csv\" is empty.");
        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("blank.csv", "\uFEFF\n \n".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(BadSettingsException.class).hasMessage("The file \"blank.csv\" is empty.");
        assertThatThrownBy(() -> connector.check(context(), settings(resource("garbage.bin"))))
                .isInstanceOf(BadSettingsException.class)
                .hasMessage("This file is neither a readable CSV nor an XLSX workbook.");
        assertThatThrownBy(() -> connector.check(context(), settings(Fixtures.bytes("notes.csv",
                "Liste de courses\nfarine;sucre\n".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(BadSettingsException.class).hasMessageStartingWith("No header recognised");
        assertThatThrownBy(() -> connector.check(context(), settings(null)))
                .isInstanceOf(BadSettingsException.class).hasMessage("Upload the file to import.");
    }

    @Test
    void badTimeZoneAndCurrencyAreBadSettings() {
        assertThatThrownBy(() -> connector.check(context(), settings(resource("ga4-en.csv"), "timeZone", "Europe/Nowhere")))
                .isInstanceOf(BadSettingsException.class)
                .satisfies(e -> assertThat(((ConnectorException) e).settingKey()).isEqualTo("timeZone"));
    }

    @Test
    void readsOnlyTheStreamsAskedFor() {
        Settings settings = settings(resource("google-ads-fr.tsv"));
        Fixtures.Sink sink = new Fixtures.Sink();
        connector.read(context(), new com.campagne.connectors.api.ReadRequest(settings, java.util.Set.of("csv-import"),
                java.util.Set.of(Stream.CAMPAIGNS), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null), sink);
        assertThat(sink.records).hasSize(2).allMatch(CampaignRecord.class::isInstance);
        assertThat(sink.checkpoints).hasSize(1);

        Fixtures.Sink otherAccount = new Fixtures.Sink();
        connector.read(context(), request(settings, "someone-else", null), otherAccount);
        assertThat(otherAccount.records).isEmpty();
    }

    @Test
    void discoverReturnsTheOneAccount() {
        Catalog catalog = connector.discover(context(), settings(resource("linkedin-ads-en.csv"), "accountId", "li-42",
                "accountName", "LinkedIn Boulangerie", "timeZone", "UTC"));
        assertThat(catalog.accounts()).containsExactly(new AccountRecord("li-42", "LinkedIn Boulangerie", "EUR", ZoneId.of("UTC")));
        assertThat(catalog.streams()).containsExactlyInAnyOrder(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS);
        assertThat(List.of(catalog.accounts().getFirst().problems())).containsExactly(List.of());
    }

    @Test
    void aFileTellsHowItWritesAmbiguousDatesAndNumbers() {
        String usDates = "Jour;Campagne;Clics\n11/05/2026;Marque;1\n11/23/2026;Marque;2\n";
        Fixtures.Sink sink = read(settings(Fixtures.bytes("us.csv", usDates.getBytes(StandardCharsets.UTF_8))));
        assertThat(sink.rows()).extracting(MetricRow::date)
                .containsExactly(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 23));

        String frenchNumbers = "Day,Campaign,Cost\n2026-11-01,Brand,\"1,234\"\n2026-11-02,Brand,\"12,5\"\n";
        sink = read(settings(Fixtures.bytes("fr.csv", frenchNumbers.getBytes(StandardCharsets.UTF_8))));
        assertThat(sink.rows()).extracting(r -> r.measures().cost())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1.234"), new BigDecimal("12.5"));
    }

    @Test
    void readsTheRequestedDaysOnly() {
        Settings settings = settings(resource("google-ads-fr.tsv"));
        Fixtures.Sink sink = new Fixtures.Sink();
        connector.read(context(), new com.campagne.connectors.api.ReadRequest(settings, java.util.Set.of("csv-import"),
                Fixtures.ALL_STREAMS, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30), null), sink);
        assertThat(sink.rows()).extracting(MetricRow::date).containsOnly(LocalDate.of(2026, 11, 2)).hasSize(2);
        assertThat(sink.campaigns()).hasSize(2);
        assertThat(sink.checkpoints).hasSize(1);
    }

    @Test
    void utf16BigEndianAndWithoutBomReadLikeTheOriginal() throws Exception {
        byte[] original = resource("google-ads-fr.tsv").open().readAllBytes();
        String text = new String(original, 2, original.length - 2, StandardCharsets.UTF_16LE);
        byte[] bigEndian = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
        byte[] noBom = text.getBytes(StandardCharsets.UTF_16LE);
        List<MetricRow> expected = read(settings(resource("google-ads-fr.tsv"))).rows();
        assertThat(read(settings(Fixtures.bytes("be.tsv", bigEndian))).rows()).isEqualTo(expected);
        assertThat(read(settings(Fixtures.bytes("nobom.tsv", noBom))).rows()).isEqualTo(expected);
    }

    @Test
    void aLineOfAnotherAccountIsABadLineUnlessTheAccountIsSet() {
        String csv = "Date grégorienne;Nom du compte;Numéro de compte;Nom de la campagne;Clics\n"
                + "13/11/2026;Boulangerie Martin;F1;Marque;3\n14/11/2026;Pâtisserie Durand;F2;Marque;4\n";
        Fixtures.Upload file = Fixtures.bytes("accounts.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> connector.check(context(), settings(file)))
                .hasMessageContaining("line 3: Line of another account (F2) than F1");
        Fixtures.Sink sink = read(settings(file, "accountId", "martin"));
        assertThat(sink.rows()).hasSize(2).allMatch(r -> r.accountId().equals("martin"));
        assertThat(sink.accounts().getFirst().name()).isEqualTo("Boulangerie Martin");
    }

    @Test
    void aRepeatedHeaderIsNotABadLine() {
        String csv = "Date,Sessions\n20261123,10\n\n# Page 2\nDate,Sessions\n20261124,12\n";
        Fixtures.Sink sink = read(settings(Fixtures.bytes("pages.csv", csv.getBytes(StandardCharsets.UTF_8)), "preset", "ga4"));
        assertThat(sink.rows()).extracting(r -> r.measures().sessions()).containsExactly(10L, 12L);
    }
}
