package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the header is and which column feeds which field: found among the first lines (after the
 * report's title lines) by the preset's column names, then corrected by the {@code mapping} setting.
 */
final class Layout {

    static final int SEARCHED_LINES = 60;
    private static final char[] DELIMITERS = {'\t', ';', ','};
    private static final Pattern FRENCH = Pattern.compile(
            "[éèêàùûôç]|\\b(jour|clics|campagne|cout|depense|utilisateurs|visites|nom|debut|montant|taux|pays|appareil|vues|groupe)\\b");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(day|clicks|campaign|cost|spend|users|visits|name|start|amount|rate|country|device|views|group|spent)\\b");

    final Preset preset;
    final char delimiter;
    final long headerLine;
    final String[] headers;
    final Map<Field, Integer> columns;
    /** The currency written in a money column's name ({@code Montant dépensé (EUR)}). */
    final Map<Field, String> headerCurrencies;
    /** The reading assumed before the cells say otherwise. */
    final Values.Reading reading;

    private Layout(Preset preset, char delimiter, long headerLine, String[] headers, Map<Field, Integer> columns) {
        this.preset = preset;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.headers = headers;
        this.columns = columns;
        Map<Field, String> currencies = new EnumMap<>(Field.class);
        columns.forEach((field, index) -> {
            String currency = Norm.headerCurrency(headers[index]);
            if (currency != null && field.kind == Field.Kind.MONEY) {
                currencies.put(field, currency);
            }
        });
        this.headerCurrencies = currencies;
        int french = 0;
        int english = 0;
        for (String header : headers) {
            String h = Norm.trim(header).toLowerCase(Locale.ROOT);
            french += FRENCH.matcher(h).find() || FRENCH.matcher(Norm.basic(h)).find() ? 1 : 0;
            english += ENGLISH.matcher(Norm.basic(h)).find() ? 1 : 0;
        }
        boolean frenchFile = french > english || french == english && delimiter != ',';
        this.reading = new Values.Reading(frenchFile, frenchFile);
    }

    boolean has(Field field) {
        return columns.containsKey(field);
    }

    int column(Field field) {
        return columns.getOrDefault(field, -1);
    }

    /** The column name of a field, as in the file. */
    String header(Field field) {
        Integer index = columns.get(field);
        return index == null ? field.key : Norm.trim(headers[index]);
    }

    /**
     * Finds the header: for a CSV file, with each delimiter; the line that matches the most column
     * names of the chosen preset (or of any, for auto-detection) and has a date and a figure.
     *
     * @param presetId  a {@link Preset} id or {@link Preset#AUTO}
     * @param mapping   the user's mapping, field to column name ("" removes a column)
     */
    static Layout find(Source source, String presetId, Map<Field, String> mapping) throws IOException {
        List<Preset> candidates = Preset.AUTO.equals(presetId) ? Preset.detectable()
                : List.of(Preset.byId(presetId).orElseThrow());
        Candidate best = null;
        Candidate nearMiss = null;
        for (char delimiter : source.xlsx ? new char[]{','} : DELIMITERS) {
            List<Source.Row> rows = new ArrayList<>();
            try (Source.Rows sample = source.sample(delimiter)) {
                Source.Row row;
                while (rows.size() < SEARCHED_LINES && (row = sample.next()) != null) {
                    rows.add(row);
                }
            } catch (BadSettingsException e) {
                if (source.xlsx) {
                    throw e;
                }
                // An unbalanced quote further down: the lines read so far may still hold the header,
                // and the full pass reports the quote with its line.
            }
            for (Source.Row row : rows) {
                for (Preset preset : candidates) {
                    Candidate candidate = match(preset, delimiter, row, mapping);
                    if (candidate == null) {
                        continue;
                    }
                    if (candidate.valid()) {
                        if (best == null || candidate.line < best.line
                                || candidate.line == best.line && candidate.score > best.score) {
                            best = candidate;
                        }
                    } else if (nearMiss == null || candidate.score > nearMiss.score) {
                        nearMiss = candidate;
                    }
                }
            }
        }
        if (best == null) {
            throw noHeader(nearMiss, mapping);
        }
        return new Layout(best.preset, best.delimiter, best.line, best.row.cells(), best.columns);
    }

    private record Candidate(Preset preset, char delimiter, long line, Source.Row row, Map<Field, Integer> columns,
                             double score, Set<String> missing) {
        boolean valid() {
            return missing.isEmpty() && columns.containsKey(Field.DATE)
                    && columns.keySet().stream().anyMatch(Field::measure);
        }
    }

    private static Candidate match(Preset preset, char delimiter, Source.Row row, Map<Field, String> mapping) {
        String[] cells = row.cells();
        if (cells.length < 2) {
            return null;
        }
        Map<Field, Integer> columns = new LinkedHashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        double score = 0;
        for (int i = 0; i < cells.length; i++) {
            String name = Norm.header(cells[i]);
            byName.putIfAbsent(name, i);
            Field field = preset.columns.get(name);
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
                // A name only this preset uses weighs more than one every tool shares ("Impressions").
                long sharing = Preset.detectable().stream().filter(p -> p.columns.containsKey(name)).count();
                score += 1.0 / Math.max(1, sharing);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Field, String> entry : mapping.entrySet()) {
            if (entry.getValue().isEmpty()) {
                columns.remove(entry.getKey());
                continue;
            }
            Integer index = byName.get(Norm.header(entry.getValue()));
            if (index == null) {
                index = byName.get(Norm.basic(entry.getValue()));
            }
            if (index == null) {
                missing.add(entry.getValue());
            } else {
                columns.put(entry.getKey(), index);
                score += 1;
            }
        }
        if (columns.isEmpty() || !missing.isEmpty() && columns.size() < 2) {
            return null;
        }
        return new Candidate(preset, delimiter, row.line(), row, columns, score, Set.copyOf(missing));
    }

    private static BadSettingsException noHeader(Candidate nearMiss, Map<Field, String> mapping) {
        String key = mapping.isEmpty() ? CsvImportConnector.PRESET : CsvImportConnector.MAPPING;
        if (nearMiss != null && !nearMiss.missing.isEmpty()) {
            String missing = String.join(" », « ", nearMiss.missing);
            String columns = columnsOf(nearMiss.row);
            return new BadSettingsException(CsvImportConnector.MAPPING, Text.of(
                    "Colonne(s) « " + missing + " » de la correspondance introuvable(s) à la ligne d’en-tête "
                            + nearMiss.line + ". Colonnes du fichier : " + columns + ".",
                    "Column(s) \"" + String.join("\", \"", nearMiss.missing) + "\" of the mapping not found in the header on line "
                            + nearMiss.line + ". Columns of the file: " + columns + "."));
        }
        if (nearMiss != null && !nearMiss.columns.containsKey(Field.DATE)) {
            String columns = columnsOf(nearMiss.row);
            return new BadSettingsException(key, Text.of(
                    "Aucune colonne de date dans l’en-tête (ligne " + nearMiss.line + " : " + columns
                            + "). Exportez le rapport par jour, ou indiquez la colonne de date dans la correspondance (date=…).",
                    "No date column in the header (line " + nearMiss.line + ": " + columns
                            + "). Export the report by day, or name the date column in the mapping (date=…)."));
        }
        return new BadSettingsException(key, Text.of(
                "Aucune ligne d’en-tête reconnue dans les " + SEARCHED_LINES + " premières lignes : il faut une colonne "
                        + "de date et au moins une mesure. Choisissez le bon préréglage ou « Personnalisé » avec une correspondance.",
                "No header recognised in the first " + SEARCHED_LINES + " lines: a date column and at least one figure "
                        + "are needed. Choose the right preset, or \"Custom\" with a mapping."));
    }

    private static String columnsOf(Source.Row row) {
        List<String> names = new ArrayList<>();
        for (String cell : row.cells()) {
            if (!Norm.trim(cell).isEmpty()) {
                names.add("« " + Norm.trim(cell) + " »");
            }
        }
        return String.join(", ", names);
    }

    /**
     * Parses the mapping setting: {@code date=Jour; campaign=Campagne; cost=Coût (EUR)}, entries
     * separated by semicolons or new lines, a field with nothing after {@code =} removing that column.
     */
    static Map<Field, String> mapping(String text) {
        Map<Field, String> mapping = new EnumMap<>(Field.class);
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String entry : text.split("[;\\n\\r]+")) {
            if (Norm.trim(entry).isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? entry : entry.substring(0, equals);
            Field field = Field.byKey(Norm.trim(key)).orElse(null);
            if (equals < 0 || field == null) {
                throw new BadSettingsException(CsvImportConnector.MAPPING, Text.of(
                        "« " + Norm.trim(entry) + " » n’est pas compris : écrivez champ=Nom de colonne (champs : "
                                + fieldKeys() + ").",
                        "\"" + Norm.trim(entry) + "\" is not understood: write field=Column name (fields: " + fieldKeys() + ")."));
            }
            mapping.put(field, Norm.trim(entry.substring(equals + 1)));
        }
        return mapping;
    }

    private static String fieldKeys() {
        List<String> keys = new ArrayList<>();
        for (Field field : Field.values()) {
            keys.add(field.key);
        }
        return String.join(", ", keys);
    }
}
