package com.campagne.plans.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineCostTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void cpmIsPricedPerThousandImpressions() {
        // 10 € CPM − 20 % − 10 % = 7.20 € net; 150 000 impressions / 1000 × 7.2 = 1 080.00 €.
        LineCost line = new LineCost(BuyingModel.CPM, eur("10"), Discounts.of("20", "10"), n("150000"));
        assertThat(line.netUnitPrice()).isEqualTo(eur("7.2"));
        assertThat(line.cost()).isEqualTo(eur("1080.00"));
        assertThat(line.cost().amount().scale()).isEqualTo(2);
        assertThat(line.plannedKpis()).isEqualTo(new PlannedKpis(n("150000"), null, null, null, null));
    }

    @Test
    void onlyTheLineTotalIsRounded() {
        // 12.50 € − 15 % = 10.625 € net CPM; 2 000 001 impressions → 2000.001 × 10.625 = 21 250.010625 → 21 250.01 €.
        // Rounding the net CPM first (10.63 €) would have given 21 260.01 €.
        LineCost line = new LineCost(BuyingModel.CPM, eur("12.50"), Discounts.of("15"), n("2000001"));
        assertThat(line.netUnitPrice().amount()).isEqualByComparingTo("10.625");
        assertThat(line.exactCost().amount()).isEqualByComparingTo("21250.010625");
        assertThat(line.cost()).isEqualTo(eur("21250.01"));
    }

    @Test
    void cpcIsPricedPerClickAndTheHalfCentRoundsUp() {
        // 0.85 € − 10 % = 0.765 €; 12 345 clicks → 9 443.925 → 9 443.93 € (half-even would say 9 443.92).
        LineCost line = new LineCost(BuyingModel.CPC, eur("0.85"), Discounts.of("10"), n("12345"));
        assertThat(line.exactCost().amount()).isEqualByComparingTo("9443.925");
        assertThat(line.cost()).isEqualTo(eur("9443.93"));
        assertThat(line.plannedKpis()).isEqualTo(new PlannedKpis(null, n("12345"), null, null, null));
    }

    @Test
    void cpaIsPricedPerAction() {
        // 40 € − 25 % = 30 € per lead × 250 = 7 500 €.
        LineCost line = new LineCost(BuyingModel.CPA, eur("40"), Discounts.of("25"), n("250"));
        assertThat(line.cost()).isEqualTo(eur("7500.00"));
        assertThat(line.plannedKpis().conversions()).isEqualByComparingTo("250");
        assertThat(line.plannedKpis().clicks()).isNull();
        assertThat(line.plannedKpis().impressions()).isNull();
    }

    @Test
    void cpvIsPricedPerView() {
        // 0.05 € × 333 333 views = 16 666.65 €.
        LineCost line = new LineCost(BuyingModel.CPV, eur("0.05"), Discounts.none(), n("333333"));
        assertThat(line.cost()).isEqualTo(eur("16666.65"));
        assertThat(line.plannedKpis()).isEqualTo(new PlannedKpis(null, null, null, n("333333"), null));
    }

    @Test
    void aFlatFeeIsTheNetPriceOnceWhateverTheVolume() {
        // 5 000 € − 10 % − 5 % = 4 275 €.
        LineCost line = new LineCost(BuyingModel.FLAT_FEE, eur("5000"), Discounts.of("10", "5"), null);
        assertThat(line.cost()).isEqualTo(eur("4275.00"));
        assertThat(line.plannedKpis()).isEqualTo(PlannedKpis.NONE);
        assertThat(new LineCost(BuyingModel.FLAT_FEE, eur("5000"), null, n("42")).cost()).isEqualTo(eur("5000"));
    }

    @Test
    void grpIsPointsTimesTheNetCostPerPoint() {
        // 2 500 € per GRP − 20 % = 2 000 €; 180.5 GRP → 361 000 €.
        LineCost line = new LineCost(BuyingModel.GRP, eur("2500"), Discounts.of("20"), n("180.5"));
        assertThat(line.cost()).isEqualTo(eur("361000.00"));
        assertThat(line.plannedKpis().grossRatingPoints()).isEqualByComparingTo("180.5");
        assertThat(line.plannedKpis().impressions()).isNull();
    }

    @Test
    void yenLinesRoundToWholeYen() {
        // 1 500 ¥ CPM − 15 % = 1 275 ¥; 123 456 impressions → 123.456 × 1275 = 157 406.4 → 157 406 ¥.
        LineCost line = new LineCost(BuyingModel.CPM, Money.of("1500", "JPY"), Discounts.of("15"), n("123456"));
        assertThat(line.cost().amount().toPlainString()).isEqualTo("157406");
    }

    @Test
    void aFullDiscountMakesAFreeLine() {
        LineCost bonus = new LineCost(BuyingModel.CPM, eur("8"), Discounts.of("100"), n("500000"));
        assertThat(bonus.cost().isZero()).isTrue();
        assertThat(bonus.plannedKpis().impressions()).isEqualByComparingTo("500000");
    }

    @Test
    void volumesArePresentAndNotNegative() {
        assertThatThrownBy(() -> new LineCost(BuyingModel.CPM, eur("8"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IMPRESSIONS");
        assertThatThrownBy(() -> new LineCost(BuyingModel.CPC, eur("1"), null, n("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineCost(BuyingModel.CPC, eur("-1"), null, n("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachModelSaysWhatItsVolumeCounts() {
        assertThat(BuyingModel.CPM.unitsPerPrice()).isEqualByComparingTo("1000");
        assertThat(BuyingModel.CPM.volume()).isEqualTo(BuyingModel.Volume.IMPRESSIONS);
        assertThat(BuyingModel.CPC.volume()).isEqualTo(BuyingModel.Volume.CLICKS);
        assertThat(BuyingModel.CPA.volume()).isEqualTo(BuyingModel.Volume.ACTIONS);
        assertThat(BuyingModel.CPV.volume()).isEqualTo(BuyingModel.Volume.VIEWS);
        assertThat(BuyingModel.GRP.volume()).isEqualTo(BuyingModel.Volume.GRP_POINTS);
        assertThat(BuyingModel.FLAT_FEE.usesVolume()).isFalse();
    }
}
