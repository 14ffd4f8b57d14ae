package com.campagne.connectors.api;

import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractTest {

    @Test
    void theVersionConstantIsTheArtifactVersion() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/campagne-connectors-api.properties")) {
            properties.load(in);
        }
        assertThat(ConnectorsApi.VERSION).isEqualTo(properties.getProperty("version"));
    }

    @Test
    void settingsAreValidatedFromTheirDeclaration() {
        SettingField customer = SettingField.text("customerId", Text.of("Client", "Customer")).asRequired()
                .pattern("\\d{3}-\\d{3}-\\d{4}", Text.of("Format 123-456-7890", "Format 123-456-7890"));
        assertThat(customer.validate(" ")).map(Text::en).contains("This field is required.");
        assertThat(customer.validate("123")).map(Text::fr).contains("Format 123-456-7890");
        assertThat(customer.validate("123-456-7890")).isEmpty();

        SettingField budget = SettingField.number("max", Text.of("Max", "Max")).range(BigDecimal.ONE, BigDecimal.TEN);
        assertThat(budget.validate("abc")).isPresent();
        assertThat(budget.validate("0,5")).map(Text::en).contains("At least 1.");
        assertThat(budget.validate("10")).isEmpty();

        SettingField url = SettingField.url("site", Text.of("Site", "Site"));
        assertThat(url.validate("matomo.example")).isPresent();
        assertThat(url.validate("https://matomo.example/")).isEmpty();

        SettingField choice = SettingField.choice("preset", Text.of("Modèle", "Preset"),
                List.of(Choice.of("auto", "Automatique", "Automatic")));
        assertThat(choice.validate("other")).isPresent();
        assertThat(choice.validate("auto")).isEmpty();
    }

    @Test
    void aSpecReportsItsOwnMistakes() {
        ConnectorSpec spec = new ConnectorSpec("demo", Text.of("Démo", "Demo"), Text.of("d", "d"), "1.0.0",
                Category.FILE, null, null, List.of(
                SettingField.text("a", Text.of("A", "A")),
                SettingField.text("a", Text.of("A", "A")),
                SettingField.oauth2Account("account", Text.of("Compte", "Account"))), null);
        assertThat(spec.problems()).hasSize(2);
        assertThatThrownBy(() -> new ConnectorSpec("Google Ads", Text.of("G", "G"), Text.of("d", "d"), "1",
                Category.AD_NETWORK, null, null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownMeasuresStayNullAndMoneyNeedsACurrency() {
        Measures measures = Measures.builder().clicks(12).cost("3.50").build();
        assertThat(measures.impressions()).isNull();
        assertThat(measures.isEmpty()).isFalse();
        assertThat(Measures.NONE.isEmpty()).isTrue();

        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(MetricRow.daily(day, "acc", "c1", null, null, measures).problems())
                .containsExactly("cost or conversion value without a currency");
        assertThat(MetricRow.daily(day, "acc", "c1", null, "EUR", measures).problems()).isEmpty();
        assertThat(new MetricRow(day, 24, "acc", null, "g", null, null, null, "XX", "euro",
                Measures.builder().clicks(-1L).build()).problems()).hasSize(5);
    }
}
