package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    private static final Values.Reading FRENCH = new Values.Reading(true, true);
    private static final Values.Reading ENGLISH = new Values.Reading(false, false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-23|2026-11-23",
            "2026-11-23 00:00:00|2026-11-23",
            "2026-11-23T00:00|2026-11-23",
            "23/11/2026|2026-11-23",
            "05/11/2026|2026-11-05",
            "23.11.2026|2026-11-23",
            "23-11-2026|2026-11-23",
            "23/11/26|2026-11-23",
            "20261123|2026-11-23",
            "2026/11/23|2026-11-23",
            "23 nov. 2026|2026-11-23",
            "23 novembre 2026|2026-11-23",
            "lun. 23 nov. 2026|2026-11-23",
            "1 févr. 2026|2026-02-01",
            "15 août 2026|2026-08-15",
            "3 déc. 2026|2026-12-03",
            "Nov 23, 2026|2026-11-23",
            "November 23, 2026|2026-11-23",
            "Monday, November 23, 2026|2026-11-23",
            "Sept 1, 2026|2026-09-01"})
    void datesOfTheExports(String cell, String expected) throws Exception {
        assertThat(Values.date(cell, false, FRENCH, null)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void slashDatesFollowTheFileReadingAndCountEvidence() throws Exception {
        Values.Evidence evidence = new Values.Evidence();
        assertThat(Values.date("11/05/2026", false, ENGLISH, evidence)).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(Values.date("11/23/2026", false, ENGLISH, evidence)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(evidence.preferred(FRENCH).dayFirst()).as("a 23 in second place: month first").isFalse();
        assertThat(Values.date("46349", true, FRENCH, null)).as("Excel serial").isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Values.date("--", false, FRENCH, null)).isNull();
        assertThatThrownBy(() -> Values.date("31/02/2026", false, FRENCH, null)).isInstanceOf(Values.BadValue.class);
        assertThatThrownBy(() -> Values.date("hier", false, FRENCH, null)).isInstanceOf(Values.BadValue.class)
                .hasMessage("\"hier\" is not a recognised date");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 234,56|1234.56|",
            "1\u00A0234,56 €|1234.56|EUR",
            "1\u202F234\u202F567|1234567|",
            "12,5|12.5|",
            "0,123|0.123|",
            "1.234.567|1234567|",
            "1.234,5|1234.5|",
            "1,234.5|1234.5|",
            "$1,234.56|1234.56|USD",
            "EUR 12,50|12.50|EUR",
            "12,50 EUR|12.50|EUR",
            "CHF 1'234.50|1234.50|CHF",
            "£3.20|3.20|GBP",
            "1 234|1234|",
            "1,234|1.234|"})
    void numbersReadTheFrenchWay(String cell, String expected, String currency) throws Exception {
        Values.Number number = Values.number(cell, false, FRENCH, null);
        assertThat(number.value()).isEqualByComparingTo(expected);
        assertThat(number.currency()).isEqualTo(currency);
    }

    @Test
    void theAmbiguousThousandFollowsTheFileAndUnknownIsNull() throws Exception {
        assertThat(Values.number("1,234", false, ENGLISH, null).value()).isEqualByComparingTo("1234");
        assertThat(Values.number("1.234", false, FRENCH, null).value()).isEqualByComparingTo("1234");
        assertThat(Values.number("1.234", false, ENGLISH, null).value()).isEqualByComparingTo("1.234");
        assertThat(Values.number("45 %", false, FRENCH, null).percent()).isTrue();
        assertThat(Values.number("-12,5", false, FRENCH, null).value()).isEqualByComparingTo("-12.5");
        for (String unknown : new String[]{"", " ", "--", " -- ", "-", "n/a", "(not set)"}) {
            assertThat(Values.number(unknown, false, FRENCH, null)).as(unknown).isNull();
        }
        Values.Evidence evidence = new Values.Evidence();
        Values.number("12,5", false, ENGLISH, evidence);
        assertThat(evidence.preferred(ENGLISH).commaDecimal()).isTrue();
        assertThatThrownBy(() -> Values.number("12x", false, FRENCH, null)).hasMessage("\"12x\" is not a number");
        assertThatThrownBy(() -> Values.number("1,2,3.4,5", false, FRENCH, null)).isInstanceOf(Values.BadValue.class);
        assertThatThrownBy(() -> Values.number("12,34,5", false, FRENCH, null)).isInstanceOf(Values.BadValue.class);
        assertThat(Values.number("1234.5", true, FRENCH, null).value()).isEqualByComparingTo(new BigDecimal("1234.5"));
    }

    @Test
    void channelsDevicesAndCountries() throws Exception {
        assertThat(Values.channel("Organic Search")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(Values.channel("Recherche naturelle")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(Values.channel("Paid Search")).isEqualTo(Channel.SEARCH);
        assertThat(Values.channel("Organic Social")).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(Values.channel("Email")).isEqualTo(Channel.EMAIL);
        assertThat(Values.channel("Referral")).isEqualTo(Channel.REFERRAL);
        assertThat(Values.channel("Affiliates")).isEqualTo(Channel.AFFILIATE);
        assertThat(Values.channel("Paid Video")).isEqualTo(Channel.VIDEO);
        assertThat(Values.channel("Cross-network")).isEqualTo(Channel.OTHER);
        assertThat(Values.campaignType("Performance Max", Channel.SEARCH)).isEqualTo(Channel.OTHER);
        assertThat(Values.campaignType("Shopping", Channel.SEARCH)).isEqualTo(Channel.SHOPPING);
        assertThat(Values.campaignType("", Channel.SEARCH)).isEqualTo(Channel.SEARCH);
        assertThat(Values.device("Mobiles")).isEqualTo(Device.MOBILE);
        assertThat(Values.device("Ordinateurs")).isEqualTo(Device.DESKTOP);
        assertThat(Values.device("Tablettes")).isEqualTo(Device.TABLET);
        assertThat(Values.device("Écrans TV")).isEqualTo(Device.OTHER);
        assertThat(Values.country("France")).isEqualTo("FR");
        assertThat(Values.country("Allemagne")).isEqualTo("DE");
        assertThat(Values.country("United States")).isEqualTo("US");
        assertThat(Values.country("BE")).isEqualTo("BE");
        assertThat(Values.country("(not set)")).isNull();
        assertThatThrownBy(() -> Values.country("Atlantide")).isInstanceOf(Values.BadValue.class);
    }
}
