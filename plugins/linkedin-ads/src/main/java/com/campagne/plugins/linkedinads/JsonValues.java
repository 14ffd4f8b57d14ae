package com.campagne.plugins.linkedinads;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON through Jackson jr (shaded and relocated into this plugin's jar), and the lenient reading of
 * the values it gives: objects are {@link Map}s, arrays {@link List}s, decimals {@link BigDecimal}s.
 */
final class JsonValues {

    private static final JSON JSON_ = JSON.builder().enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private JsonValues() {
    }

    /** Thrown when a text is not JSON; the message says where. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Parses one JSON value, which must fill the whole text (blanks aside). */
    static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedException("no body", null);
        }
        try (JsonParser parser = JSON_.createParser(text)) {
            Object value = JSON_.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new MalformedException("unexpected text after the value at character "
                        + parser.currentTokenLocation().getCharOffset(), null);
            }
            return value;
        } catch (IOException e) {
            // Jackson's own message without its source excerpt, and where it stopped.
            String message = e instanceof JsonProcessingException p && p.getOriginalMessage() != null
                    ? p.getOriginalMessage().lines().findFirst().orElse("")
                    + (p.getLocation() == null ? "" : " (line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ")")
                    : String.valueOf(e.getMessage());
            throw new MalformedException(message, e);
        }
    }

    /** Writes a value made of maps, lists, strings, numbers, booleans and nulls. */
    static String write(Object value) {
        try {
            return JSON_.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
        }
    }

    /** The map, or an empty one when the value is not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The list, or an empty one when the value is not an array. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** A text value, numbers included, or {@code null}. */
    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    /** A decimal from a number or a numeric text ({@code "12.5"}, {@code "45%"}), or {@code null}. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        String s = value instanceof Number || value instanceof String ? value.toString() : null;
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace("%", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole count, or {@code null} when absent, not a number or negative. */
    static Long count(Object value) {
        BigDecimal d = decimal(value);
        if (d == null || d.signum() < 0) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return d.longValue();
        }
    }
}
