package com.campagne.base.i18n;

import com.campagne.audit.AuditAction;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After spring-petclinic's test of the same name: the French and English bundles hold the same keys,
 * every key the code asks for exists, and no screen carries a hard-coded text.
 *
 * <p>Reads the source files, so it runs from the {@code app} module directory (as Maven does).
 */
class I18nPropertiesSyncTest {

    static final String FRENCH = "vaadin-i18n/translations.properties";
    static final String ENGLISH = "vaadin-i18n/translations_en.properties";
    static final Path MAIN_JAVA = Path.of("src/main/java");

    /** Key-shaped literals of main code that are not message keys; empty until one is needed. */
    static final Set<String> NOT_MESSAGE_KEYS = Set.of();

    /** Message keys built by concatenation ("role." + role.name()), and every way the code completes them. */
    static final Map<String, List<String>> DYNAMIC_KEYS = Map.of(
            "role.", names(Role.values()),
            "tenant.kind.", names(TenantKind.values()),
            "audit.action.", names(AuditAction.values()),
            "language.", I18n.LOCALES.stream().map(Locale::getLanguage).toList());

    /** Calls whose first argument is shown to the user as is. */
    static final Pattern TEXT_FIRST_ARGUMENT = Pattern.compile(
            "(?:\\bnew\\s+(?:Button|Span|H[1-6]|Paragraph|Div|Checkbox|TextField|PasswordField|EmailField|TextArea"
                    + "|IntegerField|NumberField|BigDecimalField|DatePicker|TimePicker|DateTimePicker|ComboBox"
                    + "|MultiSelectComboBox|Select|RadioButtonGroup|CheckboxGroup|RouterLink|Dialog|ConfirmDialog"
                    + "|Tab|SideNavItem|Details|NativeLabel|Emphasis|Strong|ListItem|MenuItem)\\s*(?:<[^<>()]*>)?"
                    + "|\\.(?:setText|setLabel|setPlaceholder|setHeader|setFooter|setHelperText|setErrorMessage"
                    + "|setTitle|setTooltipText|setSummaryText|setConfirmText|setCancelText|setRejectText"
                    + "|setAriaLabel|addItem|setItemLabelGenerator)"
                    + "|\\bNotifications?\\.\\w+)\\s*\\(");

    /** Calls whose second argument is shown: a link's text, an image's alternative text. */
    static final Pattern TEXT_SECOND_ARGUMENT = Pattern.compile("\\bnew\\s+(?:Anchor|Image)\\s*\\(");

    /** {@code setAttribute("aria-label", text)} and the like. */
    static final Pattern TEXT_ATTRIBUTE = Pattern.compile(
            "\\.setAttribute\\s*\\(\\s*\"(?:aria-label|title|placeholder|alt)\"\\s*,");

    static final Pattern GET_TRANSLATION = Pattern.compile("\\bgetTranslation\\s*\\(");
    static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    static final Pattern KEY_SHAPED = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+");
    static final Pattern VALIDATION_MESSAGE = Pattern.compile("\\bmessage\\s*=\\s*\"\\{([^}\"]+)}\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    static final Pattern LETTER = Pattern.compile("\\p{L}");

    static Map<String, String> french;
    static Map<String, String> english;
    static Map<Path, String> sources;

    @BeforeAll
    static void load() throws IOException {
        french = bundle(FRENCH);
        english = bundle(ENGLISH);
        assertThat(MAIN_JAVA).as("run from the app module directory").isDirectory();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            sources = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file, JavaSource.withoutComments(Files.readString(file)));
            }
        }
        assertThat(sources).as("main sources").hasSizeGreaterThan(20);
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> missingInEnglish = new TreeSet<>(french.keySet());
        missingInEnglish.removeAll(english.keySet());
        Set<String> missingInFrench = new TreeSet<>(english.keySet());
        missingInFrench.removeAll(french.keySet());
        assertThat(missingInEnglish).as("keys of %s missing in %s", FRENCH, ENGLISH).isEmpty();
        assertThat(missingInFrench).as("keys of %s missing in %s", ENGLISH, FRENCH).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() {
        assertThat(duplicateKeys(FRENCH)).as("keys defined twice in %s", FRENCH).isEmpty();
        assertThat(duplicateKeys(ENGLISH)).as("keys defined twice in %s", ENGLISH).isEmpty();
    }

    @Test
    void noValueIsEmpty() {
        assertThat(blankValues(french)).as("empty values in %s", FRENCH).isEmpty();
        assertThat(blankValues(english)).as("empty values in %s", ENGLISH).isEmpty();
    }

    @Test
    void translationsTakeTheSameParameters() {
        Map<String, String> mismatches = new TreeMap<>();
        french.forEach((key, value) -> {
            String other = english.get(key);
            if (other != null && !placeholders(value).equals(placeholders(other))) {
                mismatches.put(key, placeholders(value) + " in French, " + placeholders(other) + " in English");
            }
        });
        assertThat(mismatches).as("messages whose {n} parameters differ between the languages").isEmpty();
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        // MessageFormat drops a straight apostrophe (it quotes), so French writes the typographic one.
        assertThat(french.entrySet().stream().filter(e -> e.getValue().indexOf('\'') >= 0).map(Map.Entry::getKey))
                .as("French values with a straight apostrophe ' instead of ’").isEmpty();
        Map<String, String> broken = new TreeMap<>();
        Stream.of(french, english).flatMap(m -> m.entrySet().stream())
                .filter(e -> !placeholders(e.getValue()).isEmpty())
                .forEach(e -> {
                    try {
                        String shown = new MessageFormat(e.getValue()).format(new Object[]{"0", "1", "2", "3", "4"});
                        if (e.getValue().contains("'") && !shown.contains("'")) {
                            broken.put(e.getKey(), shown);
                        }
                    } catch (IllegalArgumentException ex) {
                        broken.put(e.getKey(), ex.getMessage());
                    }
                });
        assertThat(broken).as("messages with parameters that MessageFormat mangles or rejects").isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForExists() {
        Map<String, String> missing = new TreeMap<>();
        sources.forEach((file, source) -> {
            // Literal arguments of getTranslation(…), also inside a condition: cond ? "a.b" : "c.d".
            Matcher call = GET_TRANSLATION.matcher(source);
            while (call.find()) {
                List<String> arguments = JavaSource.arguments(source, call.end());
                if (arguments.isEmpty()) {
                    continue;
                }
                String first = arguments.getFirst();
                for (String literal : literals(first)) {
                    if (isConcatenationPrefix(first, literal)) {
                        assertThat(DYNAMIC_KEYS).as("%s builds keys from \"%s\" + …: add their completions to"
                                + " DYNAMIC_KEYS", file, literal).containsKey(literal);
                    } else if (!french.containsKey(literal)) {
                        missing.put(literal, file.toString());
                    }
                }
            }
            // Bean Validation messages: message = "{client.name.required}".
            Matcher validation = VALIDATION_MESSAGE.matcher(source);
            while (validation.find()) {
                if (!french.containsKey(validation.group(1))) {
                    missing.put(validation.group(1), file.toString());
                }
            }
            // Keys that travel before being translated (exceptions, policies, switch results): any
            // key-shaped literal of a family the bundles use.
            Set<String> families = french.keySet().stream().map(k -> k.substring(0, k.indexOf('.') + 1))
                    .filter(f -> !f.isEmpty()).collect(Collectors.toSet());
            for (String literal : literals(source)) {
                if (KEY_SHAPED.matcher(literal).matches() && !french.containsKey(literal)
                        && !NOT_MESSAGE_KEYS.contains(literal)
                        && families.stream().anyMatch(literal::startsWith)) {
                    missing.put(literal, file.toString());
                }
            }
        });
        assertThat(missing).as("message keys used in main code (key=file) but absent from %s", FRENCH).isEmpty();
    }

    @Test
    void everyBuiltKeyExists() {
        List<String> missing = new ArrayList<>();
        DYNAMIC_KEYS.forEach((prefix, completions) -> completions.stream().map(c -> prefix + c)
                .filter(key -> !french.containsKey(key)).forEach(missing::add));
        assertThat(missing).as("labels of enum values and locales missing from %s", FRENCH).isEmpty();
    }

    @Test
    void noHardCodedTextOnScreens() {
        Map<String, List<String>> found = new TreeMap<>();
        sources.forEach((file, source) -> {
            String path = file.toString().replace('\\', '/');
            if (!path.contains("/ui/")) {
                return;
            }
            List<String> texts = new ArrayList<>();
            texts.addAll(textArguments(source, TEXT_FIRST_ARGUMENT, 0));
            texts.addAll(textArguments(source, TEXT_SECOND_ARGUMENT, 1));
            Matcher attribute = TEXT_ATTRIBUTE.matcher(source);
            while (attribute.find()) {
                List<String> arguments = JavaSource.arguments(source, source.lastIndexOf('(', attribute.end()) + 1);
                if (arguments.size() > 1) {
                    texts.addAll(shownLiterals(arguments.get(1)));
                }
            }
            if (!texts.isEmpty()) {
                found.put(path, texts);
            }
        });
        assertThat(found).as("hard-coded user-visible texts: put them in both bundles and use getTranslation")
                .isEmpty();
    }

    @Test
    void theScannerFindsWhatItShould() {
        // The rules above pass on nothing if the scanner is wrong: check it on known samples.
        String sample = JavaSource.withoutComments("""
                // new Button("in a comment")
                add(new Button("Save"), new Span(""), new Span(" · "), new H2(getTranslation("a.b")));
                x.setLabel(cond ? getTranslation("a.c") : "Fallback");
                Notification.show("Done", 3000, Position.MIDDLE);
                new Anchor("/", "Home"); new Anchor(url, getTranslation("a.d"));
                select.setItemLabelGenerator(k -> "Kind " + k);
                el.setAttribute("aria-label", "Language"); el.setAttribute("id", "lang");
                new ComboBox<Locale>("Language");
                /* new Span("in a block comment") */
                """);
        List<String> texts = new ArrayList<>();
        texts.addAll(textArguments(sample, TEXT_FIRST_ARGUMENT, 0));
        texts.addAll(textArguments(sample, TEXT_SECOND_ARGUMENT, 1));
        Matcher attribute = TEXT_ATTRIBUTE.matcher(sample);
        while (attribute.find()) {
            texts.addAll(shownLiterals(JavaSource.arguments(sample, sample.lastIndexOf('(', attribute.end()) + 1)
                    .get(1)));
        }
        assertThat(texts).containsExactlyInAnyOrder("Save", "Fallback", "Done", "Home", "Kind ", "Language",
                "Language");
        assertThat(literals(JavaSource.arguments("getTranslation(\"role.\" + r.name(), x)", 15).getFirst()))
                .containsExactly("role.");
        assertThat(isConcatenationPrefix("\"role.\" + r.name()", "role.")).isTrue();
    }

    // --- helpers

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    private static List<String> textArguments(String source, Pattern call, int index) {
        List<String> texts = new ArrayList<>();
        Matcher m = call.matcher(source);
        while (m.find()) {
            List<String> arguments = JavaSource.arguments(source, m.end());
            if (arguments.size() > index) {
                texts.addAll(shownLiterals(arguments.get(index)));
            }
        }
        return texts;
    }

    /** Literals with a letter in an argument, leaving out those that are keys given to getTranslation. */
    private static List<String> shownLiterals(String argument) {
        String shown = argument;
        Matcher call = GET_TRANSLATION.matcher(shown);
        while (call.find()) {
            int open = call.end();
            int close = JavaSource.closingParenthesis(shown, open);
            shown = shown.substring(0, open) + shown.substring(close);
            call = GET_TRANSLATION.matcher(shown);
            call.region(open, shown.length());
        }
        return literals(shown).stream().filter(l -> LETTER.matcher(l).find()).toList();
    }

    private static List<String> literals(String code) {
        List<String> literals = new ArrayList<>();
        Matcher m = STRING_LITERAL.matcher(code);
        while (m.find()) {
            literals.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return literals;
    }

    private static boolean isConcatenationPrefix(String argument, String literal) {
        return literal.endsWith(".") && Pattern.compile(Pattern.quote("\"" + literal + "\"") + "\\s*\\+")
                .matcher(argument).find();
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<String> blankValues(Map<String, String> bundle) {
        return bundle.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).sorted().toList();
    }

    private static Map<String, String> bundle(String resource) {
        try (InputStream in = I18nPropertiesSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new TreeMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            assertThat(map).as(resource).isNotEmpty();
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys that appear on more than one logical line: Properties would silently keep the last. */
    private static Set<String> duplicateKeys(String resource) {
        try (InputStream in = I18nPropertiesSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Integer> seen = new LinkedHashMap<>();
            StringBuilder logical = new StringBuilder();
            for (String line : text.split("\\R", -1)) {
                String trimmed = line.stripLeading();
                if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!"))) {
                    continue;
                }
                logical.append(trimmed);
                if (endsWithOddBackslashes(trimmed)) {
                    logical.setLength(logical.length() - 1);
                    continue;
                }
                Properties one = new Properties();
                one.load(new java.io.StringReader(logical.toString()));
                one.stringPropertyNames().forEach(k -> seen.merge(k, 1, Integer::sum));
                logical.setLength(0);
            }
            return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Just enough Java lexing for the checks above: comments out, argument lists split. */
    static final class JavaSource {

        private JavaSource() {
        }

        /** The source with comments blanked (line breaks kept), string and char literals untouched. */
        static String withoutComments(String source) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end + 3;
                    out.append(source, i, end);
                    i = end;
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                        j += source.charAt(j) == '\\' ? 2 : 1;
                    }
                    j = Math.min(j + 1, n);
                    out.append(source, i, j);
                    i = j;
                } else if (source.startsWith("//", i)) {
                    while (i < n && source.charAt(i) != '\n') {
                        out.append(' ');
                        i++;
                    }
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    for (; i < end; i++) {
                        out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                    }
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** The arguments of the call whose '(' ends just before {@code from}, split at top-level commas. */
        static List<String> arguments(String source, int from) {
            List<String> arguments = new ArrayList<>();
            int depth = 0;
            int start = from;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = skipLiteral(source, i);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        String last = source.substring(start, i).strip();
                        if (!last.isEmpty() || !arguments.isEmpty()) {
                            arguments.add(last);
                        }
                        return arguments;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    arguments.add(source.substring(start, i).strip());
                    start = i + 1;
                }
            }
            return arguments;
        }

        /** Index just past the ')' that closes the '(' ending just before {@code from}. */
        static int closingParenthesis(String source, int from) {
            int depth = 0;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = skipLiteral(source, i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
            return source.length();
        }

        /** Index of the last character of the literal starting at {@code i}. */
        private static int skipLiteral(String source, int i) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                return end < 0 ? source.length() : end + 2;
            }
            char quote = source.charAt(i);
            int j = i + 1;
            while (j < source.length() && source.charAt(j) != quote) {
                j += source.charAt(j) == '\\' ? 2 : 1;
            }
            return j;
        }
    }
}
