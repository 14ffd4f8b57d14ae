package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.Dimension;
import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.MetricTotals;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.charts.ChartView;
import com.campagne.analytics.charts.Charts;
import com.campagne.analytics.dashboard.DashboardExport;
import com.campagne.analytics.dashboard.DashboardService;
import com.campagne.analytics.dashboard.DashboardService.Card;
import com.campagne.analytics.dashboard.DashboardService.Comparison;
import com.campagne.analytics.dashboard.DashboardService.Dashboard;
import com.campagne.analytics.dashboard.DashboardService.FunnelStep;
import com.campagne.analytics.dashboard.DashboardService.Options;
import com.campagne.analytics.dashboard.DashboardService.Row;
import com.campagne.base.documents.FileDownload;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.DownloadButton;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the three dashboards share: the filter bar (range preset or two dates, comparison, filters fed from the
 * data), its state in the address so a link shows the same figures, and the figures themselves (cards, charts,
 * tables with exports, drill-down to the rows). The figures are computed once per change of the filter.
 */
abstract class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The range presets; CAMPAIGN only on a campaign's dashboard. */
    enum Preset {
        LAST_7("7d"), LAST_30("30d"), LAST_90("90d"), THIS_MONTH("month"), LAST_MONTH("lastmonth"), THIS_YEAR("year"),
        CAMPAIGN("campaign"), CUSTOM("custom");

        final String code;

        Preset(String code) {
            this.code = code;
        }

        static Optional<Preset> of(String code) {
            for (Preset p : values()) {
                if (p.code.equals(code)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    private static final Map<Comparison, String> COMPARISON_CODES = Map.of(Comparison.NONE, "none",
            Comparison.PREVIOUS_PERIOD, "prev", Comparison.PREVIOUS_YEAR, "year");
    private static final List<Kpi> CHART_KPIS = List.of(Kpi.COST, Kpi.IMPRESSIONS, Kpi.CLICKS, Kpi.CONVERSIONS,
            Kpi.CONVERSION_VALUE, Kpi.SESSIONS);

    protected final DashboardService dashboards;
    protected final TenantSettingsService tenants;
    protected final boolean staff;
    protected final H2 title = new H2();
    private final Span rangeText = new Span();
    private final Select<Preset> preset = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Comparison> comparison = new Select<>();
    private final MultiSelectComboBox<String> clientFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> campaignFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> channelFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> connectionFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> deviceFilter = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> countryFilter = new MultiSelectComboBox<>();
    private final Select<Kpi> chartKpi = new Select<>();
    private final VerticalLayout content = new VerticalLayout();
    protected final HorizontalLayout actions = new HorizontalLayout();
    private final Map<String, String> clientNames = new LinkedHashMap<>();
    private final Map<String, String> campaignNames = new LinkedHashMap<>();
    private final Map<String, String> connectionNames = new LinkedHashMap<>();
    private boolean updating;
    private Dashboard shown;
    private ChartView timeChart;

    DashboardView(DashboardService dashboards, TenantSettingsService tenants) {
        this.dashboards = dashboards;
        this.tenants = tenants;
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setWidthFull();
        addClassName("dashboard");
        title.getStyle().set("margin", "0");
        rangeText.setId("dashboard-range-text");
        rangeText.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
        content.setPadding(false);
        content.setWidthFull();
        content.setId("dashboard-content");

        preset.setId("dashboard-preset");
        preset.setLabel(getTranslation("dashboard.range"));
        preset.setItemLabelGenerator(p -> getTranslation(DashboardTexts.preset(p)));
        from.setId("dashboard-from");
        from.setLabel(getTranslation("dashboard.from"));
        to.setId("dashboard-to");
        to.setLabel(getTranslation("dashboard.to"));
        comparison.setId("dashboard-comparison");
        comparison.setLabel(getTranslation("dashboard.comparison"));
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(c -> getTranslation(DashboardTexts.comparison(c)));
        setUp(clientFilter, "dashboard-filter-client", "dashboard.filter.client", clientNames::get);
        setUp(campaignFilter, "dashboard-filter-campaign", "dashboard.filter.campaign", campaignNames::get);
        setUp(channelFilter, "dashboard-filter-channel", "dashboard.filter.channel", this::channelLabel);
        setUp(connectionFilter, "dashboard-filter-connection", "dashboard.filter.connection", connectionNames::get);
        setUp(deviceFilter, "dashboard-filter-device", "dashboard.filter.device", this::deviceLabel);
        setUp(countryFilter, "dashboard-filter-country", "dashboard.filter.country", this::countryLabel);
        chartKpi.setId("dashboard-chart-kpi");
        chartKpi.setLabel(getTranslation("dashboard.chart.kpi"));
        chartKpi.setItems(CHART_KPIS);
        chartKpi.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        chartKpi.setValue(Kpi.COST);

        preset.addValueChangeListener(e -> {
            boolean custom = e.getValue() == Preset.CUSTOM;
            from.setVisible(custom);
            to.setVisible(custom);
            if (!updating && !custom) {
                changed();
            }
        });
        from.addValueChangeListener(e -> changedDates());
        to.addValueChangeListener(e -> changedDates());
        comparison.addValueChangeListener(e -> changed());
        for (MultiSelectComboBox<String> f : List.of(clientFilter, campaignFilter, channelFilter, connectionFilter,
                deviceFilter, countryFilter)) {
            f.addValueChangeListener(e -> changed());
        }
        chartKpi.addValueChangeListener(e -> {
            if (!updating && shown != null && timeChart != null) {
                timeChart.show(timeSeries(shown));
                writeAddress();
            }
        });

        HorizontalLayout heading = new HorizontalLayout(title, actions);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.setWidthFull();
        FlexLayout bar = new FlexLayout(preset, from, to, comparison, clientFilter, campaignFilter, channelFilter,
                connectionFilter, deviceFilter, countryFilter);
        bar.setId("dashboard-filters");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "0.5rem 1rem").set("align-items", "flex-end");
        add(heading, rangeText, bar, content);
    }

    private void setUp(MultiSelectComboBox<String> box, String id, String labelKey,
                       Function<String, String> label) {
        box.setId(id);
        box.setLabel(getTranslation(labelKey));
        box.setItemLabelGenerator(k -> Optional.ofNullable(label.apply(k)).orElse(k));
        box.setWidth("14rem");
        box.setClearButtonVisible(true);
    }

    // ------------------------------------------------------------------ scope given by each dashboard

    /** The clients the dashboard is about (empty: every visible client). */
    protected abstract Set<UUID> scopeClients();

    /** The network campaigns the dashboard is about (empty: no narrowing). */
    protected Set<MetricsFilter.CampaignRef> scopeCampaigns() {
        return Set.of();
    }

    /** Whether the client filter is offered (the agency overview only). */
    protected boolean offersClientFilter() {
        return false;
    }

    /** The campaign's period, for the CAMPAIGN preset. */
    protected Optional<LocalDate[]> campaignPeriod() {
        return Optional.empty();
    }

    /** Added after the figures (the campaign's plan-vs-actual place). */
    protected List<Component> extraSections() {
        return List.of();
    }

    /** The breakdown tables shown, in order. */
    protected List<Dimension> tables() {
        return List.of(Dimension.CHANNEL, Dimension.CAMPAIGN, Dimension.CONNECTION, Dimension.DEVICE, Dimension.COUNTRY);
    }

    /** What to show instead of the figures when the scope cannot have any (no linked campaign…), or null. */
    protected Component blocked() {
        return null;
    }

    /** The page of the client's connections (empty state), or null for the agency overview. */
    protected abstract String connectionsPath();

    /** Reads the state from the address once the subclass knows its scope. */
    protected void start(BeforeEnterEvent event) {
        clientFilter.setVisible(offersClientFilter());
        List<Preset> presets = new ArrayList<>(List.of(Preset.values()));
        if (campaignPeriod().isEmpty()) {
            presets.remove(Preset.CAMPAIGN);
        }
        updating = true;
        preset.setItems(presets);
        QueryParameters query = event.getLocation().getQueryParameters();
        Preset chosen = single(query, "range").flatMap(Preset::of).filter(presets::contains)
                .orElse(campaignPeriod().isPresent() ? Preset.CAMPAIGN : Preset.LAST_30);
        preset.setValue(chosen);
        from.setVisible(chosen == Preset.CUSTOM);
        to.setVisible(chosen == Preset.CUSTOM);
        from.setValue(single(query, "from").flatMap(DashboardView::date).orElse(today().minusDays(29)));
        to.setValue(single(query, "to").flatMap(DashboardView::date).orElse(today()));
        comparison.setValue(single(query, "cmp").flatMap(c -> COMPARISON_CODES.entrySet().stream()
                .filter(e -> e.getValue().equals(c)).map(Map.Entry::getKey).findFirst()).orElse(Comparison.NONE));
        chartKpi.setValue(single(query, "kpi").flatMap(k -> CHART_KPIS.stream().filter(x -> x.name().equals(k))
                .findFirst()).orElse(Kpi.COST));
        fillOptions(range());
        clientFilter.setValue(keep(query, "client", clientNames.keySet()));
        campaignFilter.setValue(keep(query, "campaign", campaignNames.keySet()));
        channelFilter.setValue(keep(query, "channel", Set.copyOf(channelFilter.getListDataView().getItems().toList())));
        connectionFilter.setValue(keep(query, "connection", connectionNames.keySet()));
        deviceFilter.setValue(keep(query, "device", Set.copyOf(deviceFilter.getListDataView().getItems().toList())));
        countryFilter.setValue(keep(query, "country", Set.copyOf(countryFilter.getListDataView().getItems().toList())));
        updating = false;
        refresh();
    }

    private static Set<String> keep(QueryParameters query, String name, Set<String> allowed) {
        return query.getParameters().getOrDefault(name, List.of()).stream().filter(allowed::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<String> single(QueryParameters query, String name) {
        return query.getSingleParameter(name);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private LocalDate today() {
        return LocalDate.now(tenants.currentZone());
    }

    private void changedDates() {
        if (updating || preset.getValue() != Preset.CUSTOM) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("dashboard.range.invalid"));
            return;
        }
        to.setInvalid(false);
        changed();
    }

    private void changed() {
        if (updating) {
            return;
        }
        // New range: the filter options follow the data of that range.
        updating = true;
        LocalDate[] range = range();
        fillOptions(range);
        updating = false;
        refresh();
    }

    private void fillOptions(LocalDate[] range) {
        Options options = dashboards.options(new MetricsFilter(range[0], range[1], scopeClients(), scopeCampaigns(),
                null, null, null, null));
        clientNames.clear();
        clientNames.putAll(options.clients());
        campaignNames.clear();
        campaignNames.putAll(options.campaigns());
        connectionNames.clear();
        connectionNames.putAll(options.connections());
        refill(clientFilter, List.copyOf(clientNames.keySet()));
        refill(campaignFilter, List.copyOf(campaignNames.keySet()));
        refill(channelFilter, options.channels());
        refill(connectionFilter, List.copyOf(connectionNames.keySet()));
        refill(deviceFilter, options.devices());
        refill(countryFilter, options.countries());
    }

    private static void refill(MultiSelectComboBox<String> box, List<String> items) {
        Set<String> kept = box.getValue().stream().filter(items::contains).collect(Collectors.toSet());
        box.setItems(items);
        box.setValue(kept);
    }

    /** The first and last day of the chosen range. */
    LocalDate[] range() {
        LocalDate today = today();
        return switch (preset.getValue() == null ? Preset.LAST_30 : preset.getValue()) {
            case LAST_7 -> new LocalDate[] {today.minusDays(6), today};
            case LAST_30 -> new LocalDate[] {today.minusDays(29), today};
            case LAST_90 -> new LocalDate[] {today.minusDays(89), today};
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today};
            case LAST_MONTH -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
            case THIS_YEAR -> new LocalDate[] {today.withDayOfYear(1), today};
            case CAMPAIGN -> campaignPeriod().orElse(new LocalDate[] {today.minusDays(29), today});
            case CUSTOM -> from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())
                    ? new LocalDate[] {today.minusDays(29), today} : new LocalDate[] {from.getValue(), to.getValue()};
        };
    }

    /** The filter the bar describes. */
    MetricsFilter filter() {
        LocalDate[] range = range();
        Set<UUID> clientIds = scopeClients();
        if (offersClientFilter() && !clientFilter.getValue().isEmpty()) {
            clientIds = clientFilter.getValue().stream().map(UUID::fromString).collect(Collectors.toSet());
        }
        Set<MetricsFilter.CampaignRef> campaigns = scopeCampaigns();
        if (!campaignFilter.getValue().isEmpty()) {
            campaigns = campaignFilter.getValue().stream().map(DashboardService::campaignRef).collect(Collectors.toSet());
        }
        return new MetricsFilter(range[0], range[1], clientIds, campaigns, channelFilter.getValue(),
                connectionFilter.getValue().stream().map(UUID::fromString).collect(Collectors.toSet()),
                deviceFilter.getValue(), countryFilter.getValue());
    }

    private void writeAddress() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Preset p = preset.getValue();
        params.put("range", List.of(p.code));
        if (p == Preset.CUSTOM) {
            LocalDate[] range = range();
            params.put("from", List.of(range[0].toString()));
            params.put("to", List.of(range[1].toString()));
        }
        if (comparison.getValue() != Comparison.NONE) {
            params.put("cmp", List.of(COMPARISON_CODES.get(comparison.getValue())));
        }
        if (chartKpi.getValue() != null && chartKpi.getValue() != Kpi.COST) {
            params.put("kpi", List.of(chartKpi.getValue().name()));
        }
        put(params, "client", clientFilter);
        put(params, "campaign", campaignFilter);
        put(params, "channel", channelFilter);
        put(params, "connection", connectionFilter);
        put(params, "device", deviceFilter);
        put(params, "country", countryFilter);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        String query = new QueryParameters(params).getQueryString();
        UI.getCurrent().getPage().getHistory().replaceState(null, path + (query.isEmpty() ? "" : "?" + query));
    }

    private static void put(Map<String, List<String>> params, String name, MultiSelectComboBox<String> box) {
        if (!box.getValue().isEmpty()) {
            params.put(name, box.getValue().stream().sorted().toList());
        }
    }

    // ------------------------------------------------------------------ the figures

    private void refresh() {
        writeAddress();
        content.removeAll();
        content.getElement().removeAttribute("data-ready");
        LocalDate[] range = range();
        rangeText.setText(getTranslation("dashboard.range.text", Formats.date(range[0], getLocale()),
                Formats.date(range[1], getLocale())));
        Component blocked = blocked();
        if (blocked != null) {
            content.add(blocked);
            content.getElement().setAttribute("data-ready", "true");
            return;
        }
        Dashboard dashboard = dashboards.build(filter(), comparison.getValue());
        shown = dashboard;
        if (dashboard.isEmpty()) {
            content.add(emptyState());
            content.add(extraSections().toArray(Component[]::new));
            content.getElement().setAttribute("data-ready", "true");
            return;
        }
        if (!dashboard.excluded().isEmpty()) {
            String amounts = dashboard.excluded().entrySet().stream()
                    .map(e -> Formats.money(e.getValue(), e.getKey(), getLocale())).collect(Collectors.joining(", "));
            Paragraph note = new Paragraph(getTranslation("dashboard.currency.excluded",
                    String.join(", ", dashboard.excluded().keySet()), amounts));
            note.setId("dashboard-currency-note");
            note.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)").set("margin", "0");
            content.add(note);
        }
        dashboard.partialComparison().ifPresent(coverage -> {
            Paragraph note = new Paragraph(getTranslation("dashboard.comparison.partial", coverage.previousDays(),
                    coverage.days()));
            note.setId("dashboard-comparison-note");
            note.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)").set("margin", "0");
            content.add(note);
        });
        content.add(cards(dashboard));
        content.add(charts(dashboard));
        for (Dimension dimension : tables()) {
            content.add(table(dashboard, dimension));
        }
        content.add(extraSections().toArray(Component[]::new));
        content.getElement().setAttribute("data-ready", "true");
    }

    private Component emptyState() {
        boolean connected = dashboards.hasConnections(scopeClients());
        if (!connected) {
            Button link = null;
            String path = connectionsPath();
            if (staff) {
                link = new Button(getTranslation(path == null ? "dashboard.empty.connections.clients"
                        : "dashboard.empty.connections.open"), VaadinIcon.CONNECT.create(),
                        e -> getUI().ifPresent(ui -> ui.navigate(path == null ? "clients" : path)));
                link.setId("dashboard-empty-connect");
                link.addThemeVariants(ButtonVariant.PRIMARY);
            }
            EmptyState empty = new EmptyState(VaadinIcon.CONNECT, getTranslation("dashboard.empty.connections.title"),
                    getTranslation(staff ? "dashboard.empty.connections.text" : "dashboard.empty.connections.viewer"),
                    link);
            empty.setId("dashboard-empty");
            return empty;
        }
        Button wider = new Button(getTranslation("dashboard.empty.range.wider"), VaadinIcon.EXPAND.create(),
                e -> preset.setValue(Preset.THIS_YEAR));
        wider.setId("dashboard-empty-wider");
        EmptyState empty = new EmptyState(VaadinIcon.CALENDAR, getTranslation("dashboard.empty.range.title"),
                getTranslation("dashboard.empty.range.text"), preset.getValue() == Preset.THIS_YEAR ? null : wider);
        empty.setId("dashboard-empty");
        return empty;
    }

    private Component cards(Dashboard dashboard) {
        FlexLayout cards = new FlexLayout();
        cards.setId("dashboard-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "0.75rem");
        Locale locale = getLocale();
        for (Card card : dashboard.cards()) {
            Div box = new Div();
            box.setId("card-" + card.kpi().name());
            box.addClassName("kpi-card");
            box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct, #ddd)").set("border-radius", "10px")
                    .set("padding", "0.6rem 0.9rem").set("min-width", "11rem").set("cursor", "pointer")
                    .set("background", "var(--lumo-base-color, #fff)");
            Span label = new Span(getTranslation(card.kpi().labelKey()));
            label.addClassName("kpi-label");
            label.getStyle().set("display", "block").set("font-size", "0.85rem")
                    .set("color", "var(--lumo-secondary-text-color, #555)");
            Span value = new Span(KpiFormat.format(card.kpi(), card.value(), dashboard.currency(), locale));
            value.addClassName("kpi-value");
            value.getStyle().set("display", "block").set("font-size", "1.5rem").set("font-weight", "600");
            box.add(label, value);
            if (dashboard.comparison() != Comparison.NONE) {
                Span previous = new Span(getTranslation("dashboard.card.previous",
                        KpiFormat.format(card.kpi(), card.previous(), dashboard.currency(), locale)));
                previous.addClassName("kpi-previous");
                previous.getStyle().set("display", "block").set("font-size", "0.8rem");
                Span change = new Span(changeText(card.changePercent(), locale));
                change.addClassName("kpi-change");
                change.getStyle().set("font-weight", "600").set("font-size", "0.85rem");
                if (card.changePercent() != null && card.changePercent().signum() != 0) {
                    boolean good = (card.changePercent().signum() > 0) == card.kpi().higherIsBetter();
                    change.getStyle().set("color", good ? "#26a269" : "#c01c28");
                }
                box.add(change, previous);
            }
            box.getElement().setAttribute("title", getTranslation("dashboard.drill.hint"));
            box.addClickListener(e -> drill(getTranslation(card.kpi().labelKey()), dashboard.filter()));
            cards.add(box);
        }
        return cards;
    }

    private static String changeText(BigDecimal change, Locale locale) {
        if (change == null) {
            return KpiFormat.UNKNOWN;
        }
        String text = KpiFormat.percent(change, locale);
        return change.signum() > 0 ? "+" + text : text;
    }

    private Component charts(Dashboard dashboard) {
        Locale locale = getLocale();
        timeChart = new ChartView(timeSeries(dashboard), 900, 300);
        timeChart.setId("dashboard-chart-time");
        VerticalLayout time = section("dashboard.chart.time", chartKpi, timeChart);

        Map<String, Number> byChannel = new LinkedHashMap<>();
        for (Row row : dashboard.breakdowns().get(Dimension.CHANNEL)) {
            BigDecimal cost = row.totals().value(Kpi.COST, dashboard.currency());
            byChannel.put(channelLabel(row.key()), Charts.plot(cost == null ? BigDecimal.ZERO : cost));
        }
        ChartView channels = new ChartView(Charts.bars(Map.of(getTranslation("dashboard.chart.channels.series",
                dashboard.currency()), byChannel), locale), 450, 260);
        channels.setId("dashboard-chart-channels");
        VerticalLayout channelBox = section("dashboard.chart.channels", channels);

        Map<String, Number> steps = new LinkedHashMap<>();
        Div funnelText = new Div();
        funnelText.setId("dashboard-funnel");
        for (FunnelStep step : dashboard.funnel()) {
            steps.put(getTranslation(step.kpi().labelKey()), Charts.plot(step.value() == null ? BigDecimal.ZERO : step.value()));
            String stepValue = KpiFormat.format(step.kpi(), step.value(), dashboard.currency(), locale);
            Span line = new Span(step.rateFromPrevious() == null
                    ? getTranslation("dashboard.funnel.step", getTranslation(step.kpi().labelKey()), stepValue)
                    : getTranslation("dashboard.funnel.stepRate", getTranslation(step.kpi().labelKey()), stepValue,
                    KpiFormat.percent(step.rateFromPrevious(), locale)));
            line.setId("funnel-" + step.kpi().name());
            line.getStyle().set("display", "block").set("font-size", "0.85rem");
            funnelText.add(line);
        }
        ChartView funnel = new ChartView(Charts.bars(Map.of(getTranslation("dashboard.chart.funnel"), steps), locale),
                450, 220);
        funnel.setId("dashboard-chart-funnel");
        VerticalLayout funnelBox = section("dashboard.chart.funnel", funnel, funnelText);

        FlexLayout row = new FlexLayout(channelBox, funnelBox);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        row.getStyle().set("gap", "1rem");
        channelBox.setWidth("28rem");
        funnelBox.setWidth("28rem");
        VerticalLayout all = new VerticalLayout(time, row);
        all.setPadding(false);
        return all;
    }

    private org.jfree.chart.JFreeChart timeSeries(Dashboard dashboard) {
        Kpi kpi = chartKpi.getValue() == null ? Kpi.COST : chartKpi.getValue();
        String name = getTranslation(kpi.labelKey());
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(name, values(dashboard.daily(), kpi, dashboard), false));
        if (dashboard.comparison() != Comparison.NONE) {
            series.add(new Charts.Series(getTranslation("dashboard.chart.compared", name,
                    getTranslation(DashboardTexts.comparison(dashboard.comparison())).toLowerCase(getLocale())),
                    values(dashboard.previousDaily(), kpi, dashboard), true));
        }
        return Charts.timeSeries(series, getLocale());
    }

    private static Map<LocalDate, Number> values(Map<LocalDate, MetricTotals> days, Kpi kpi, Dashboard dashboard) {
        Map<LocalDate, Number> values = new LinkedHashMap<>();
        for (LocalDate day : dashboard.filter().days()) {
            MetricTotals t = days.get(day);
            BigDecimal v = t == null ? null : t.value(kpi, dashboard.currency());
            values.put(day, v == null ? (t == null ? 0 : null) : v.doubleValue());
        }
        return values;
    }

    private VerticalLayout section(String titleKey, Component... parts) {
        H3 heading = new H3(getTranslation(titleKey));
        heading.getStyle().set("margin", "0.5rem 0 0");
        VerticalLayout box = new VerticalLayout(heading);
        box.add(parts);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    private Component table(Dashboard dashboard, Dimension dimension) {
        List<Row> rows = dashboard.breakdowns().get(dimension);
        String currency = dashboard.currency();
        Locale locale = getLocale();
        Grid<Row> grid = new Grid<>();
        grid.setId("table-" + dimension.name());
        // Names get room (long campaign names, resizable, whole name on hover); figures their full width,
        // never cut: the grid scrolls sideways on a narrow screen rather than show "43 264,…".
        grid.addColumn(r -> label(dimension, r)).setHeader(getTranslation(DashboardTexts.table(dimension)))
                .setSortable(true).setComparator(r -> label(dimension, r)).setWidth("16rem").setFlexGrow(1)
                .setResizable(true).setTooltipGenerator(r -> label(dimension, r)).setKey("label");
        for (Kpi kpi : DashboardService.TABLE) {
            grid.addColumn(r -> KpiFormat.format(kpi, r.totals().value(kpi, currency), currency, locale))
                    .setHeader(getTranslation(DashboardTexts.column(kpi))).setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true).setFlexGrow(0).setSortable(true).setKey(kpi.name())
                    .setComparator(Comparator.comparing((Row r) -> r.totals().value(kpi, currency),
                            Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 12);
        if (rows.size() > 12) {
            grid.setHeight("28rem");
        }
        grid.addItemClickListener(e -> drill(label(dimension, e.getItem()),
                DashboardService.narrowed(dashboard.filter(), dimension, e.getItem().key())));

        String name = getTranslation(DashboardTexts.table(dimension));
        Supplier<DashboardExport.Table> table = () -> exportTable(dashboard, dimension);
        Anchor csv = download("export-csv-" + dimension.name(), "dashboard.export.csv", fileName(dimension, "csv"),
                "text/csv;charset=utf-8", () -> DashboardExport.csv(table.get(), locale));
        Anchor xlsx = download("export-xlsx-" + dimension.name(), "dashboard.export.xlsx", fileName(dimension, "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                () -> DashboardExport.xlsx(table.get(), name));
        H3 heading = new H3(getTranslation(DashboardTexts.section(dimension)));
        heading.getStyle().set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(heading, csv, xlsx);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout box = new VerticalLayout(head, grid);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidthFull();
        return box;
    }

    private DashboardExport.Table exportTable(Dashboard dashboard, Dimension dimension) {
        String currency = dashboard.currency();
        List<DashboardExport.Line> lines = dashboard.breakdowns().get(dimension).stream()
                .map(r -> new DashboardExport.Line(label(dimension, r), DashboardService.TABLE.stream()
                        .map(k -> r.totals().value(k, currency)).toList())).toList();
        return new DashboardExport.Table(getTranslation(DashboardTexts.table(dimension)),
                DashboardService.TABLE.stream().map(k -> getTranslation(DashboardTexts.column(k))
                        + (k.unit() == Kpi.Unit.MONEY ? " (" + currency + ")" : "")).toList(),
                DashboardService.TABLE, lines, currency);
    }

    private String fileName(Dimension dimension, String extension) {
        LocalDate[] range = range();
        return "tableau-de-bord-" + dimension.name().toLowerCase(Locale.ROOT) + "-" + range[0] + "-" + range[1] + "."
                + extension;
    }

    private Anchor download(String id, String textKey, String fileName, String type, Supplier<byte[]> bytes) {
        Anchor anchor = DownloadButton.saving(getTranslation(textKey), VaadinIcon.DOWNLOAD_ALT,
                () -> new FileDownload(fileName, type, bytes.get()), ButtonVariant.SMALL);
        anchor.setId(id);
        return anchor;
    }

    private void drill(String what, MetricsFilter filter) {
        new DrillDownDialog(what, dashboards.rowsBehind(filter), campaignNames, connectionNames, this::channelLabel)
                .open();
    }

    // ------------------------------------------------------------------ labels

    String label(Dimension dimension, Row row) {
        if (row.key().isEmpty()) {
            return getTranslation("dashboard.unknown");
        }
        return switch (dimension) {
            case CAMPAIGN -> row.key().endsWith("|") ? getTranslation("dashboard.noCampaign") : row.label();
            case CHANNEL -> channelLabel(row.key());
            case DEVICE -> deviceLabel(row.key());
            case COUNTRY -> countryLabel(row.key());
            default -> row.label();
        };
    }

    String channelLabel(String key) {
        String labelKey = DashboardTexts.channel(key);
        return labelKey == null ? key : getTranslation(labelKey);
    }

    String deviceLabel(String key) {
        String labelKey = DashboardTexts.device(key);
        return labelKey == null ? key : getTranslation(labelKey);
    }

    String countryLabel(String key) {
        String name = Locale.of("", key).getDisplayCountry(getLocale());
        return name.isBlank() ? key : name;
    }

    @Override
    public String getPageTitle() {
        return title.getText() == null || title.getText().isEmpty() ? getTranslation("dashboard.nav") : title.getText();
    }
}
