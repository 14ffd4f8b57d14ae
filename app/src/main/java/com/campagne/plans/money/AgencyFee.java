package com.campagne.plans.money;

import java.math.BigDecimal;
import java.util.Objects;

/** What the agency charges on top of the media: a percentage of the media cost (commission) or a flat fee. */
public sealed interface AgencyFee {

    /** The fee for this media cost, rounded to minor units. */
    Money on(Money mediaCost);

    AgencyFee NONE = new Flat(null);

    static AgencyFee percentOfMedia(String percent) {
        return new Percentage(new BigDecimal(percent));
    }

    static AgencyFee flat(Money amount) {
        return new Flat(Objects.requireNonNull(amount, "amount"));
    }

    /** Commission: a percentage of the (net) media cost, e.g. 15 %. */
    record Percentage(BigDecimal percent) implements AgencyFee {
        public Percentage {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("An agency commission is between 0 and 100 %, not " + percent.toPlainString());
            }
        }

        @Override
        public Money on(Money mediaCost) {
            return mediaCost.times(percent.movePointLeft(2)).rounded();
        }
    }

    /** A fixed fee whatever the media cost; {@code null} amount means no fee. */
    record Flat(Money amount) implements AgencyFee {
        public Flat {
            if (amount != null && amount.isNegative()) {
                throw new IllegalArgumentException("An agency fee cannot be negative: " + amount);
            }
        }

        @Override
        public Money on(Money mediaCost) {
            if (amount == null) {
                return Money.zero(mediaCost.currency());
            }
            if (!amount.currency().equals(mediaCost.currency())) {
                throw new CurrencyMismatchException(mediaCost.currency(), amount.currency());
            }
            return amount.rounded();
        }
    }
}
