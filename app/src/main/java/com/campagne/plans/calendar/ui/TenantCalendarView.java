package com.campagne.plans.calendar.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.clients.Client;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.calendar.CalendarService;
import com.campagne.plans.calendar.CalendarService.Entry;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskStatus;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code calendar}: every campaign the user may see over a month, a quarter or six months, coloured by
 * status, with the due dates of their tasks; a campaign unfolds into its flights. Filters by client,
 * status and channel; a click on a campaign opens it.
 */
@Route(value = CalendarService.PATH, layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class TenantCalendarView extends VerticalLayout implements HasDynamicTitle {

    /** How much time one screen shows, and how far previous/next move. */
    enum Range {
        MONTH(1), QUARTER(3), SIX_MONTHS(6);

        final int months;

        Range(int months) {
            this.months = months;
        }
    }

    private static final String TASK_DUE = "#f59e0b";
    private static final String TASK_LATE = "#d7263d";
    private static final String TASK_DONE = "#6b7280";
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("LLLL yyyy");

    private final CalendarService calendar;
    private final LocalDate today;
    private final boolean staff;
    private final Select<Range> range = new Select<>();
    private final ComboBox<Client> client = new ComboBox<>();
    private final Select<CampaignStatus> status = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final Span rangeLabel = new Span();
    private final Div content = new Div();
    private final Set<UUID> expanded = new HashSet<>();
    private LocalDate anchor;

    TenantCalendarView(CalendarService calendar, TenantSettingsService settings) {
        this.calendar = calendar;
        ZoneId zone = settings.currentZone();
        this.today = LocalDate.now(zone);
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setSizeFull();
        H2 title = new H2(getTranslation("calendar.tenant.title"));
        title.getStyle().set("margin", "0");

        range.setId("calendar-range");
        range.setWidth("14rem");
        range.setLabel(getTranslation("calendar.range"));
        range.setItems(Range.values());
        range.setItemLabelGenerator(r -> switch (r) {
            case MONTH -> getTranslation("calendar.range.MONTH");
            case QUARTER -> getTranslation("calendar.range.QUARTER");
            case SIX_MONTHS -> getTranslation("calendar.range.SIX_MONTHS");
        });
        range.setValue(Range.QUARTER);
        anchor = start(Range.QUARTER, today);
        range.addValueChangeListener(e -> {
            anchor = start(e.getValue(), today);
            refresh();
        });
        Button previous = new Button(VaadinIcon.CHEVRON_LEFT.create(), e -> move(-1));
        previous.setId("calendar-prev");
        previous.setAriaLabel(getTranslation("calendar.previous"));
        previous.setTooltipText(getTranslation("calendar.previous"));
        Button next = new Button(VaadinIcon.CHEVRON_RIGHT.create(), e -> move(1));
        next.setId("calendar-next");
        next.setAriaLabel(getTranslation("calendar.next"));
        next.setTooltipText(getTranslation("calendar.next"));
        Button now = new Button(getTranslation("calendar.today"), e -> {
            anchor = start(range.getValue(), today);
            refresh();
        });
        now.setId("calendar-today");
        rangeLabel.setId("calendar-range-label");
        rangeLabel.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l, 1.125rem)");

        client.setId("calendar-client");
        client.setLabel(getTranslation("calendar.filter.client"));
        client.setPlaceholder(getTranslation("calendar.filter.allClients"));
        client.setClearButtonVisible(true);
        client.setItems(calendar.clients());
        client.setItemLabelGenerator(Client::getName);
        client.addValueChangeListener(e -> refresh());
        status.setId("calendar-status");
        status.setLabel(getTranslation("calendar.filter.status"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("calendar.filter.allStatuses"));
        status.setItems(CampaignStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("calendar.filter.allStatuses")
                : getTranslation(CalendarTexts.statusKey(s)));
        status.addValueChangeListener(e -> refresh());
        channel.setId("calendar-channel");
        channel.setLabel(getTranslation("calendar.filter.channel"));
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption(getTranslation("calendar.filter.allChannels"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> c == null ? getTranslation("calendar.filter.allChannels")
                : getTranslation(CalendarTexts.channelKey(c)));
        channel.addValueChangeListener(e -> refresh());

        HorizontalLayout navigation = new HorizontalLayout(range, previous, now, next, rangeLabel);
        navigation.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(client, status, channel);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout toolbar = new HorizontalLayout(navigation, filters);
        toolbar.getStyle().set("flex-wrap", "wrap").set("column-gap", "2.5rem");
        content.setWidthFull();
        add(title, toolbar, content);
        refresh();
    }

    /** The first day of the range containing {@code day}: its month, its quarter, or its month for six months. */
    static LocalDate start(Range range, LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        return range == Range.QUARTER ? month.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1) : month;
    }

    private void move(int step) {
        anchor = anchor.plusMonths((long) step * range.getValue().months);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        Range r = range.getValue();
        LocalDate end = anchor.plusMonths(r.months).minusDays(1);
        DateTimeFormatter month = MONTH_YEAR.withLocale(getLocale());
        rangeLabel.setText(r == Range.MONTH ? anchor.format(month)
                : getTranslation("calendar.range.between", anchor.format(month), end.format(month)));
        Timeline timeline = switch (r) {
            case MONTH -> new Timeline(anchor, end, Timeline.Scale.WEEK, 30, getLocale(), this::getTranslation);
            case QUARTER -> new Timeline(anchor, end, Timeline.Scale.WEEK, 13, getLocale(), this::getTranslation);
            case SIX_MONTHS -> new Timeline(anchor, end, Timeline.Scale.MONTH, 6, getLocale(), this::getTranslation);
        };
        timeline.setId("calendar-timeline");
        List<Entry> entries = calendar.between(timeline.from(), timeline.to(),
                new CalendarService.Filter(client.getValue() == null ? null : client.getValue().getId(),
                        status.getValue(), channel.getValue()));
        if (entries.isEmpty()) {
            Button clients = new Button(getTranslation("calendar.tenant.empty.action"),
                    e -> getUI().ifPresent(ui -> ui.navigate("clients")));
            clients.setId("calendar-empty-clients");
            clients.addThemeVariants(ButtonVariant.PRIMARY);
            EmptyState empty = new EmptyState(VaadinIcon.CALENDAR, getTranslation("calendar.tenant.empty.title"),
                    getTranslation(staff ? "calendar.tenant.empty.text" : "calendar.tenant.empty.viewer"), clients);
            empty.setId("calendar-empty");
            content.add(empty);
            return;
        }
        Div legend = new Div();
        legend.setId("calendar-legend");
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("margin-bottom", "0.5rem");
        for (CampaignStatus s : CampaignStatus.values()) {
            legend.add(CalendarTexts.legendItem(CalendarTexts.statusColour(s), getTranslation(CalendarTexts.statusKey(s))));
        }
        if (staff) {
            legend.add(CalendarTexts.legendItem(TASK_DUE, getTranslation("calendar.legend.task")),
                    CalendarTexts.legendItem(TASK_LATE, getTranslation("calendar.legend.taskLate")));
        }
        for (Entry entry : entries) {
            addCampaign(timeline, entry);
        }
        timeline.build(today);
        content.add(legend, timeline);
    }

    private void addCampaign(Timeline timeline, Entry entry) {
        Campaign campaign = entry.campaign();
        boolean open = expanded.contains(campaign.getId());
        Button toggle = new Button((open ? VaadinIcon.CHEVRON_DOWN_SMALL : VaadinIcon.CHEVRON_RIGHT_SMALL).create());
        toggle.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        toggle.setId("calendar-expand-" + campaign.getId());
        toggle.setAriaLabel(getTranslation(open ? "calendar.collapse" : "calendar.expand", campaign.getName()));
        toggle.setEnabled(!entry.lines().isEmpty());
        toggle.addClickListener(e -> {
            if (!expanded.remove(campaign.getId())) {
                expanded.add(campaign.getId());
            }
            refresh();
        });
        Span name = new Span(campaign.getName());
        name.getStyle().set("font-weight", "600").set("overflow", "hidden").set("text-overflow", "ellipsis");
        Span clientName = new Span(entry.clientName());
        clientName.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("font-size", "var(--lumo-font-size-xs, 0.8rem)");
        // The campaign above its client, so that both names fit the column.
        Div names = new Div(name, clientName);
        names.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "0")
                .set("line-height", "1.25");
        Div label = timeline.row(toggle, names);
        label.getElement().setAttribute("title", getTranslation("calendar.campaign.label", campaign.getName(),
                entry.clientName()));
        String statusName = getTranslation(CalendarTexts.statusKey(campaign.getStatus()));
        String text = getTranslation("calendar.campaign.bar", campaign.getName(), entry.clientName(), statusName);
        Div bar = timeline.bar(campaign.getStartDate(), campaign.getEndDate(),
                CalendarTexts.statusColour(campaign.getStatus()), text,
                getTranslation("calendar.bar.tooltip", text, CalendarTexts.date(campaign.getStartDate(), getLocale()),
                        CalendarTexts.date(campaign.getEndDate(), getLocale())));
        bar.setId("calendar-campaign-" + campaign.getId());
        bar.getElement().setAttribute("data-status", campaign.getStatus().name());
        bar.getStyle().set("cursor", "pointer");
        bar.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                CalendarTexts.editorPath(campaign.getClientId(), campaign.getId()))));
        for (Task task : entry.tasks()) {
            boolean done = task.getStatus() == TaskStatus.DONE;
            boolean late = !done && task.getDueDate().isBefore(today);
            Div marker = timeline.marker(task.getDueDate(), done ? TASK_DONE : late ? TASK_LATE : TASK_DUE,
                    getTranslation("calendar.task.tooltip", task.getTitle(),
                            CalendarTexts.date(task.getDueDate(), getLocale())));
            marker.addClassName("calendar-task");
        }
        if (open) {
            for (PlanLineItem line : entry.lines()) {
                // A flight outside the range would only add an empty row.
                if (line.getChannel() == null || line.getStartDate() == null || line.getEndDate() == null
                        || line.getStartDate().isAfter(timeline.to()) || line.getEndDate().isBefore(timeline.from())) {
                    continue;
                }
                String channelName = getTranslation(CalendarTexts.channelKey(line.getChannel()));
                String placement = line.getPlacement() == null || line.getPlacement().isBlank() ? channelName
                        : getTranslation("calendar.line", channelName, line.getPlacement().strip());
                Span flight = new Span(placement);
                flight.getStyle().set("padding-left", "1.75rem").set("overflow", "hidden")
                        .set("text-overflow", "ellipsis");
                timeline.row(flight);
                Div lineBar = timeline.bar(line.getStartDate(), line.getEndDate(),
                        CalendarTexts.channelColour(line.getChannel()), placement,
                        getTranslation("calendar.bar.tooltip", placement,
                                CalendarTexts.date(line.getStartDate(), getLocale()),
                                CalendarTexts.date(line.getEndDate(), getLocale())));
                lineBar.addClassName("calendar-flight");
                lineBar.getStyle().set("opacity", "0.85");
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.tenant.title");
    }
}
