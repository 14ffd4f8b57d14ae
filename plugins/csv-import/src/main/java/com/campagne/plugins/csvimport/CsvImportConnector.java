package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The universal connector: imports a CSV or XLSX report exported by Google Ads, Meta Ads, LinkedIn
 * Campaign Manager, Microsoft Advertising, GA4 or Matomo (French or English), or any report whose
 * columns the user maps once. A file is imported whole or not at all (unless the user chose to skip
 * bad lines), and the same file is never imported twice: the read state is its SHA-256.
 */
@Extension
public class CsvImportConnector implements Connector {

    static final String FILE = "file";
    static final String PRESET = "preset";
    static final String MAPPING = "mapping";
    static final String ACCOUNT_ID = "accountId";
    static final String ACCOUNT_NAME = "accountName";
    static final String CURRENCY = "currency";
    static final String TIME_ZONE = "timeZone";
    static final String ON_ERROR = "onError";
    static final String ALL_OR_NOTHING = "all-or-nothing";
    static final String SKIP_BAD_LINES = "skip-bad-lines";

    private static final Set<Stream> STREAMS = Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public ConnectorSpec spec() {
        Text file = Text.of("Fichier", "File");
        Text account = Text.of("Compte", "Account");
        Text reading = Text.of("Lecture", "Reading");
        List<Choice> presets = Preset.choices();
        return new ConnectorSpec("csv-import",
                Text.of("Import de fichier CSV / XLSX", "CSV / XLSX file import"),
                Text.of("Importe les rapports exportés de Google Ads, Meta Ads, LinkedIn, Microsoft Advertising, GA4 "
                                + "et Matomo (en français ou en anglais), ou tout rapport dont vous décrivez les colonnes.",
                        "Imports the reports exported from Google Ads, Meta Ads, LinkedIn, Microsoft Advertising, GA4 "
                                + "and Matomo (in French or English), or any report whose columns you describe."),
                "1.0.0", Category.FILE, null, null,
                List.of(
                        SettingField.file(FILE, Text.of("Rapport (CSV ou XLSX)", "Report (CSV or XLSX)")).asRequired()
                                .help(Text.of("Le rapport tel que l’outil l’exporte, par jour ; les lignes de titre et de total sont ignorées.",
                                        "The report as the tool exports it, by day; title and total lines are ignored."))
                                .group(file, 1),
                        SettingField.choice(PRESET, Text.of("Format", "Format"), presets).asRequired()
                                .defaultValue(Preset.AUTO)
                                .help(Text.of("L’outil qui a exporté le fichier ; la détection automatique le reconnaît à ses colonnes.",
                                        "The tool that exported the file; auto-detection recognises it by its columns."))
                                .group(file, 2),
                        SettingField.text(MAPPING, Text.of("Correspondance des colonnes", "Column mapping"))
                                .help(Text.of("Pour « Personnalisé » ou pour corriger un format : champ=Colonne séparés par des "
                                                + "points-virgules, par exemple date=Jour; campaign=Campagne; cost=Coût (EUR). "
                                                + "Champs : " + fieldList() + ".",
                                        "For \"Custom\" or to correct a format: field=Column separated by semicolons, for "
                                                + "example date=Day; campaign=Campaign; cost=Cost (EUR). Fields: " + fieldList() + "."))
                                .group(file, 3),
                        SettingField.text(ACCOUNT_ID, Text.of("Identifiant du compte", "Account ID"))
                                .help(Text.of("Vide : celui du fichier s’il a une colonne de compte, sinon « csv-import ».",
                                        "Empty: the file's own when it has an account column, otherwise \"csv-import\"."))
                                .group(account, 1),
                        SettingField.text(ACCOUNT_NAME, Text.of("Nom du compte", "Account name"))
                                .group(account, 2),
                        SettingField.text(CURRENCY, Text.of("Devise", "Currency")).asRequired().defaultValue("EUR")
                                .pattern("[A-Z]{3}", Text.of("Un code ISO 4217 en majuscules, par exemple EUR.",
                                        "An upper-case ISO 4217 code, for example EUR."))
                                .help(Text.of("Celle des montants quand le fichier ne la donne pas.",
                                        "The currency of amounts when the file does not say."))
                                .group(account, 3),
                        SettingField.text(TIME_ZONE, Text.of("Fuseau horaire", "Time zone")).asRequired()
                                .defaultValue("Europe/Paris")
                                .pattern("[A-Za-z_]+(/[A-Za-z0-9_+-]+)*", Text.of("Un fuseau comme Europe/Paris.",
                                        "A zone such as Europe/Paris."))
                                .group(account, 4),
                        SettingField.choice(ON_ERROR, Text.of("Lignes en erreur", "Bad lines"), List.of(
                                        Choice.of(ALL_OR_NOTHING, "Tout ou rien : aucune ligne importée s’il y a une erreur",
                                                "All or nothing: nothing is imported if a line is wrong"),
                                        Choice.of(SKIP_BAD_LINES, "Ignorer les lignes en erreur (listées dans l’historique)",
                                                "Skip bad lines (listed in the history)")))
                                .asRequired().defaultValue(ALL_OR_NOTHING)
                                .group(reading, 1)),
                null);
    }

    private static String fieldList() {
        StringBuilder keys = new StringBuilder();
        for (Field field : Field.values()) {
            keys.append(keys.isEmpty() ? "" : ", ").append(field.key);
        }
        return keys.toString();
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        try (Source source = open(settings)) {
            Import file = analyse(source, settings);
            requireClean(file, settings);
            if (file.dataLines == 0) {
                throw new BadSettingsException(FILE, Text.of("Le fichier ne contient aucune ligne de données.",
                        "The file holds no data line."));
            }
            String skipped = file.problemCount == 0 ? "" : " " + file.problemCount + " ligne(s) en erreur seront ignorées.";
            String skippedEn = file.problemCount == 0 ? "" : " " + file.problemCount + " bad line(s) will be skipped.";
            return CheckResult.ok(
                    "Fichier « " + source.name + " » reconnu : " + file.layout.preset.title().fr() + " (en-tête ligne "
                            + file.layout.headerLine + "), " + file.dataLines + " ligne(s) du "
                            + FRENCH_DATE.format(file.firstDay) + " au " + FRENCH_DATE.format(file.lastDay) + ", "
                            + file.campaigns.size() + " campagne(s)." + skipped,
                    "File \"" + source.name + "\" recognised: " + file.layout.preset.title().en() + " (header on line "
                            + file.layout.headerLine + "), " + file.dataLines + " line(s) from " + file.firstDay
                            + " to " + file.lastDay + ", " + file.campaigns.size() + " campaign(s)." + skippedEn);
        }
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        try (Source source = open(settings)) {
            Import file = analyse(source, settings);
            return new Catalog(List.of(file.account()), STREAMS);
        }
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        try (Source source = open(request.settings())) {
            if (request.incremental() && request.state().equals(source.fingerprint)) {
                context.logger().info("Same file as the last import ({}): nothing to import", source.fingerprint);
                return;
            }
            Import file = analyse(source, request.settings());
            requireClean(file, request.settings());
            if (!request.accountIds().contains(file.accountId())) {
                return;
            }
            long outside = file.emit(sink, request.streams(), request.from(), request.to());
            if (outside > 0) {
                context.logger().info("{} line(s) of {} outside {} – {} not imported", outside, source.name,
                        request.from(), request.to());
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** In all-or-nothing mode, any bad line stops everything before a record is emitted. */
    private static void requireClean(Import file, Settings settings) {
        if (file.problemCount > 0 && !SKIP_BAD_LINES.equals(settings.find(ON_ERROR).orElse(ALL_OR_NOTHING))) {
            Text lines = file.problemSummary();
            throw new BadSettingsException(FILE, Text.of(
                    file.problemCount + " ligne(s) en erreur, rien n’est importé :" + lines.fr()
                            + "\nCorrigez le fichier ou choisissez d’ignorer les lignes en erreur.",
                    file.problemCount + " bad line(s), nothing is imported:" + lines.en()
                            + "\nFix the file or choose to skip bad lines."));
        }
    }

    private static Source open(Settings settings) {
        Settings.SettingFile file = settings.file(FILE).orElseThrow(() -> new BadSettingsException(FILE,
                Text.of("Déposez le fichier à importer.", "Upload the file to import.")));
        try {
            return Source.scan(file);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Import analyse(Source source, Settings settings) {
        String preset = settings.find(PRESET).orElse(Preset.AUTO);
        if (!Preset.AUTO.equals(preset) && Preset.byId(preset).isEmpty()) {
            throw new BadSettingsException(PRESET, Text.of("Format inconnu : " + preset + ".", "Unknown format: " + preset + "."));
        }
        Map<Field, String> mapping = Layout.mapping(settings.find(MAPPING).orElse(null));
        if (Preset.CUSTOM.id.equals(preset) && !mapping.containsKey(Field.DATE)) {
            throw new BadSettingsException(MAPPING, Text.of(
                    "Le format « Personnalisé » demande une correspondance avec au moins la date, par exemple date=Jour; clicks=Clics.",
                    "The \"Custom\" format needs a mapping with at least the date, for example date=Day; clicks=Clicks."));
        }
        String currency = settings.find(CURRENCY).orElse("EUR").toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new BadSettingsException(CURRENCY, Text.of("Un code ISO 4217 comme EUR.", "An ISO 4217 code such as EUR."));
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.find(TIME_ZONE).orElse("Europe/Paris"));
        } catch (DateTimeException e) {
            throw new BadSettingsException(TIME_ZONE, Text.of("Fuseau horaire inconnu, par exemple Europe/Paris.",
                    "Unknown time zone, for example Europe/Paris."));
        }
        Import.Options options = new Import.Options(settings.find(ACCOUNT_ID).orElse(null),
                settings.find(ACCOUNT_NAME).orElse(null), currency, zone);
        try {
            Layout layout = Layout.find(source, preset, mapping);
            Import file = new Import(source, layout, options);
            file.analyse();
            return file;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static PermanentException unreadable(IOException e) {
        return new PermanentException(Text.of("Le fichier n’a pas pu être lu : " + e.getMessage(),
                "The file could not be read: " + e.getMessage()), e);
    }

}
