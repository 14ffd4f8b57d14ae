package com.campagne.plugins.matomo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin's own JSON reader and writer. */
class JsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object value = Json.parse(" {\"a\": [1, -2.5, 3e2], \"b\": \"caf\\u00e9 \\\"x\\\"\\n\", \"c\": true, \"d\": null, \"e\": {}} ");
        Map<String, Object> map = Json.object(value);
        assertThat(Json.array(map.get("a"))).containsExactly(new BigDecimal("1"), new BigDecimal("-2.5"), new BigDecimal("3e2"));
        assertThat(map.get("b")).isEqualTo("café \"x\"\n");
        assertThat(map.get("c")).isEqualTo(Boolean.TRUE);
        assertThat(map).containsKey("d");
        assertThat(map.get("d")).isNull();
        assertThat(Json.object(map.get("e"))).isEmpty();
    }

    @Test
    void numbersAndCountsFromTextsToo() {
        assertThat(Json.decimal("45%")).isEqualByComparingTo("45");
        assertThat(Json.decimal("12.50")).isEqualByComparingTo("12.5");
        assertThat(Json.decimal("n/a")).isNull();
        assertThat(Json.count(new BigDecimal("7"))).isEqualTo(7L);
        assertThat(Json.count("-3")).as("never a negative count").isNull();
        assertThat(Json.count(null)).isNull();
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "<html>", "{\"a\":1", "{\"a\":1}}", "[1,]", "{a:1}", "\"open", "tru", "{\"a\":\"x\ty\"}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.MalformedException.class);
        }
        assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(Json.MalformedException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100))).isInstanceOf(Json.MalformedException.class);
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("s", "a \"b\" \\ c\n\u0001");
        value.put("n", new BigDecimal("12.50"));
        value.put("l", List.of(1, true, Map.of("k", "v")));
        value.put("z", null);
        String text = Json.write(value);
        assertThat(text).isEqualTo("{\"s\":\"a \\\"b\\\" \\\\ c\\n\\u0001\",\"n\":12.50,\"l\":[1,true,{\"k\":\"v\"}],\"z\":null}");
        assertThat(Json.object(Json.parse(text)).get("s")).isEqualTo(value.get("s"));
    }
}
