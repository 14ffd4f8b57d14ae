package com.campagne.connectors.plugins;

import com.campagne.connectors.api.Text;

import java.util.List;
import java.util.Locale;

/**
 * A message about a plugin (why a file was refused, why a plugin failed), kept as a translation key
 * ({@code plugins.*}) and its arguments so each admin reads it in their language. An argument may be
 * a {@link Text} coming from the plugin itself; it is shown in the same language.
 *
 * @param key  the message key
 * @param args its arguments
 */
public record PluginMessage(String key, List<Object> args) {

    public PluginMessage {
        args = List.copyOf(args);
    }

    public static PluginMessage of(String key, Object... args) {
        return new PluginMessage(key, List.of(args));
    }

    /** The message in {@code locale}, given the app's translation function (key, locale, args). */
    public String in(Locale locale, Translator translator) {
        Object[] shown = args.stream().map(a -> a instanceof Text text ? text.in(locale) : a).toArray();
        return translator.translate(key, locale, shown);
    }

    /** For logs: the key and the arguments, English for plugin texts. */
    @Override
    public String toString() {
        return key + args;
    }

    /** The app's translation function, as {@code I18n#getTranslation}. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Locale locale, Object... args);
    }
}
