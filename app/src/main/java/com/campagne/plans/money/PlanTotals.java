package com.campagne.plans.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The figures of a media plan: media cost by channel, vendor and month, each channel's share, the agency
 * fee, the grand total and how it stands against the budget. All lines and the budget share one currency.
 *
 * <p>The budget is the client's whole envelope, so it is compared with the grand total (media + agency fee),
 * which is what the client pays. Shares are of the media cost, since they must add up to 100 %.
 */
public final class PlanTotals {

    private final Currency currency;
    private final Money budget;
    private final List<PlanLine> lines;
    private final AgencyFee fee;

    public PlanTotals(Money budget, List<PlanLine> lines, AgencyFee fee) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.currency = budget.currency();
        this.lines = List.copyOf(lines);
        this.fee = fee == null ? AgencyFee.NONE : fee;
        for (PlanLine line : this.lines) {
            if (!line.cost().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.cost().currency());
            }
        }
    }

    public Currency currency() {
        return currency;
    }

    public Money budget() {
        return budget;
    }

    /** Sum of the line costs. */
    public Money mediaCost() {
        return Money.sum(currency, lines.stream().map(PlanLine::cost).toList());
    }

    /** Media cost per channel, channels in the order they first appear in the plan. */
    public Map<String, Money> byChannel() {
        Map<String, Money> totals = new LinkedHashMap<>();
        for (PlanLine line : lines) {
            totals.merge(line.channel(), line.cost(), Money::plus);
        }
        return Collections.unmodifiableMap(totals);
    }

    /** Media cost per vendor, vendors in the order they first appear in the plan. */
    public Map<String, Money> byVendor() {
        Map<String, Money> totals = new LinkedHashMap<>();
        for (PlanLine line : lines) {
            totals.merge(line.vendor(), line.cost(), Money::plus);
        }
        return Collections.unmodifiableMap(totals);
    }

    /**
     * Media cost per calendar month, each line spread over its flight pro rata by days (both ends
     * included) and allocated by largest remainder, so a line's months add up to the cent to its cost
     * and the months add up to {@link #mediaCost()}. A line of 1 000 € from 10 January to 9 February
     * (22 + 9 days) puts 709.68 € in January and 290.32 € in February.
     */
    public SortedMap<YearMonth, Money> byMonth() {
        SortedMap<YearMonth, Money> totals = new TreeMap<>();
        for (PlanLine line : lines) {
            spreadByMonth(line).forEach((month, part) -> totals.merge(month, part, Money::plus));
        }
        return Collections.unmodifiableSortedMap(totals);
    }

    /** One line's cost per month of its flight, pro rata by days. */
    public static SortedMap<YearMonth, Money> spreadByMonth(PlanLine line) {
        List<YearMonth> months = new ArrayList<>();
        List<Long> days = new ArrayList<>();
        for (YearMonth m = YearMonth.from(line.start()); !m.isAfter(YearMonth.from(line.end())); m = m.plusMonths(1)) {
            LocalDate from = line.start().isAfter(m.atDay(1)) ? line.start() : m.atDay(1);
            LocalDate to = line.end().isBefore(m.atEndOfMonth()) ? line.end() : m.atEndOfMonth();
            months.add(m);
            days.add(ChronoUnit.DAYS.between(from, to) + 1);
        }
        SortedMap<YearMonth, Money> spread = new TreeMap<>();
        if (line.cost().isZero()) {
            months.forEach(m -> spread.put(m, line.cost().rounded()));
            return spread;
        }
        List<Money> parts = line.cost().allocate(days);
        for (int i = 0; i < months.size(); i++) {
            spread.put(months.get(i), parts.get(i));
        }
        return spread;
    }

    /**
     * Each channel's share of the media cost in percent with one decimal, adding up to exactly 100.0
     * (largest remainder over tenths of a percent): three equal channels get 33.4, 33.3 and 33.3, not
     * 33.3 three times, so the share column of an exported plan never totals 99.9. With no media cost
     * yet, every share is 0.0.
     */
    public Map<String, BigDecimal> channelShares() {
        Map<String, Money> byChannel = byChannel();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (mediaCost().isZero()) {
            byChannel.keySet().forEach(c -> shares.put(c, new BigDecimal("0.0")));
            return Collections.unmodifiableMap(shares);
        }
        List<String> channels = new ArrayList<>(byChannel.keySet());
        List<BigDecimal> weights = channels.stream().map(c -> byChannel.get(c).amount()).toList();
        List<BigInteger> tenths = Allocation.largestRemainder(BigInteger.valueOf(1000), weights);
        for (int i = 0; i < channels.size(); i++) {
            shares.put(channels.get(i), new BigDecimal(tenths.get(i), 1));
        }
        return Collections.unmodifiableMap(shares);
    }

    /** The agency fee on the media cost (commission or flat). */
    public Money agencyFee() {
        return fee.on(mediaCost());
    }

    /** Media cost plus agency fee: what the client pays. */
    public Money grandTotal() {
        return mediaCost().plus(agencyFee()).rounded();
    }

    /** Budget minus grand total; negative when over budget. */
    public Money remainingBudget() {
        return budget.minus(grandTotal()).rounded();
    }

    public boolean overBudget() {
        return remainingBudget().isNegative();
    }

    /** By how much the grand total exceeds the budget; zero when within it. */
    public Money overBudgetAmount() {
        return overBudget() ? remainingBudget().negate() : Money.zero(currency).rounded();
    }
}
