package com.campagne.plans.calendar.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.RouteIds;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.Money;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code clients/<id>/campaigns/<id>/calendar[?version=N]}: the flights of a plan version week by week,
 * grouped by channel, over the campaign's period. On a draft version, staff click a bar to change the
 * line's dates.
 */
@Route(value = "clients/:clientId/campaigns/:campaignId/calendar", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class CampaignCalendarView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int DAY_WIDTH = 18;

    private final CampaignService campaigns;
    private final MediaPlanService plans;
    private final ZoneId zone;
    private final boolean staff;
    private Campaign campaign;
    private List<MediaPlan> versions;
    private MediaPlan shown;

    CampaignCalendarView(CampaignService campaigns, MediaPlanService plans, TenantSettingsService settings) {
        this.campaigns = campaigns;
        this.plans = plans;
        this.zone = settings.currentZone();
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Campaign> found = RouteIds.param(event, "campaignId").flatMap(campaigns::find)
                .filter(c -> RouteIds.param(event, "clientId").map(c.getClientId()::equals).orElse(false));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
            return;
        }
        campaign = found.get();
        versions = plans.versions(campaign.getId());
        Optional<Integer> wanted = event.getLocation().getQueryParameters().getSingleParameter("version")
                .flatMap(CampaignCalendarView::number);
        shown = versions.stream().filter(v -> wanted.map(n -> v.getNumber() == n).orElse(false)).findFirst()
                .orElse(versions.isEmpty() ? null : versions.getLast());
        show();
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show() {
        removeAll();
        Button back = new Button(getTranslation("calendar.backToCampaign"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CalendarTexts.editorPath(campaign.getClientId(),
                        campaign.getId()))));
        back.setId("calendar-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        H2 title = new H2(getTranslation("calendar.campaign.title", campaign.getName()));
        title.setId("calendar-title");
        title.getStyle().set("margin", "0");
        add(back, title);
        if (shown == null) {
            add(new EmptyState(VaadinIcon.CALENDAR, getTranslation("calendar.campaign.empty.title"),
                    getTranslation("calendar.campaign.empty.text"), null));
            return;
        }
        PlanView view = plans.view(shown.getId());
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        int count = view.lines().size();
        Paragraph period = new Paragraph(getTranslation("calendar.campaign.period",
                CalendarTexts.date(campaign.getStartDate(), getLocale()),
                CalendarTexts.date(campaign.getEndDate(), getLocale()),
                count == 1 ? getTranslation("calendar.campaign.oneLine") : getTranslation("calendar.campaign.lines", count)));
        period.setId("calendar-period");
        period.getStyle().set("margin", "0");
        if (versions.size() > 1) {
            Select<MediaPlan> version = new Select<>();
            version.setId("calendar-version");
            version.setLabel(getTranslation("calendar.campaign.version"));
            version.setItems(versions);
            version.setItemLabelGenerator(MediaPlan::displayName);
            version.setValue(shown);
            version.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    getUI().ifPresent(ui -> ui.navigate(CalendarTexts.campaignCalendarPath(campaign.getClientId(),
                            campaign.getId()), QueryParameters.of("version", String.valueOf(e.getValue().getNumber()))));
                }
            });
            bar.add(version);
        } else {
            bar.add(new Span(getTranslation("calendar.campaign.versionShown", shown.displayName())));
        }
        bar.add(period);
        add(bar);
        if (view.lines().isEmpty()) {
            add(new EmptyState(VaadinIcon.CALENDAR, getTranslation("calendar.campaign.noLines.title"),
                    getTranslation("calendar.campaign.noLines.text"), null));
            return;
        }
        boolean editable = staff && shown.getStatus().editable();
        if (editable) {
            Paragraph hint = new Paragraph(getTranslation("calendar.campaign.editHint"));
            hint.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color, #555)");
            add(hint);
        }
        add(timeline(view, editable));
    }

    private Div timeline(PlanView view, boolean editable) {
        Map<Channel, List<PlanLineItem>> byChannel = view.lines().stream()
                .filter(l -> l.getChannel() != null && l.getStartDate() != null && l.getEndDate() != null)
                .sorted(Comparator.comparing(PlanLineItem::getStartDate))
                .collect(Collectors.groupingBy(PlanLineItem::getChannel, () -> new EnumMap<>(Channel.class),
                        Collectors.toList()));
        LocalDate from = campaign.getStartDate();
        LocalDate to = campaign.getEndDate();
        for (PlanLineItem line : view.lines()) {
            if (line.getStartDate() != null && line.getStartDate().isBefore(from)) {
                from = line.getStartDate();
            }
            if (line.getEndDate() != null && line.getEndDate().isAfter(to)) {
                to = line.getEndDate();
            }
        }
        Timeline timeline = new Timeline(from, to, Timeline.Scale.WEEK, DAY_WIDTH, getLocale(),
                this::getTranslation);
        timeline.setId("calendar-gantt");
        Div legend = new Div();
        legend.setId("calendar-legend");
        byChannel.forEach((channel, lines) -> {
            String colour = CalendarTexts.channelColour(channel);
            String name = getTranslation(CalendarTexts.channelKey(channel));
            legend.add(CalendarTexts.legendItem(colour, name));
            timeline.group(name, colour, "gantt-group-" + channel.name());
            for (PlanLineItem line : lines) {
                String label = describe(view, line, channel);
                String cost = line.getCost() == null ? "" : Money.of(line.getCost(), view.currency()).format(getLocale());
                Span rowLabel = new Span(label);
                rowLabel.getElement().setAttribute("title", label);
                rowLabel.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis");
                timeline.row(rowLabel);
                String text = cost.isEmpty() ? label : getTranslation("calendar.bar", label, cost);
                Div bar = timeline.bar(line.getStartDate(), line.getEndDate(), colour, text,
                        getTranslation("calendar.bar.tooltip", text,
                                CalendarTexts.date(line.getStartDate(), getLocale()),
                                CalendarTexts.date(line.getEndDate(), getLocale())));
                bar.setId("gantt-bar-" + line.getId());
                bar.getElement().setAttribute("data-channel", channel.name());
                bar.getElement().setAttribute("data-start", line.getStartDate().toString());
                bar.getElement().setAttribute("data-end", line.getEndDate().toString());
                if (editable) {
                    bar.getStyle().set("cursor", "pointer");
                    bar.addClickListener(e -> editDates(line, label));
                }
            }
        });
        timeline.build(LocalDate.now(zone));
        Div wrapper = new Div(legend, timeline);
        wrapper.setWidthFull();
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("margin-bottom", "0.5rem");
        return wrapper;
    }

    /** "Vendor · placement", falling back on the format or the channel for a line that names neither. */
    private String describe(PlanView view, PlanLineItem line, Channel channel) {
        String vendor = view.vendorName(line);
        String placement = line.getPlacement() == null ? "" : line.getPlacement().strip();
        if (!vendor.isEmpty() && !placement.isEmpty()) {
            return getTranslation("calendar.line", vendor, placement);
        }
        String one = !vendor.isEmpty() ? vendor : placement;
        if (one.isEmpty() && line.getFormat() != null) {
            one = line.getFormat();
        }
        return one.isEmpty() ? getTranslation(CalendarTexts.channelKey(channel)) : one;
    }

    /** A small dialog to move a draft line's flight, checked by the plan's own rules. */
    private void editDates(PlanLineItem line, String label) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("calendar.dates.title", label));
        DatePicker start = new DatePicker(getTranslation("calendar.dates.start"));
        start.setId("line-dates-start");
        DatePicker end = new DatePicker(getTranslation("calendar.dates.end"));
        end.setId("line-dates-end");
        for (DatePicker picker : List.of(start, end)) {
            picker.setLocale(getLocale());
            picker.setManualValidation(true);
            picker.setMin(campaign.getStartDate());
            picker.setMax(campaign.getEndDate());
        }
        start.setValue(line.getStartDate());
        end.setValue(line.getEndDate());
        Button save = new Button(getTranslation("action.save"), e -> {
            start.setInvalid(false);
            end.setInvalid(false);
            LocalDate oldStart = line.getStartDate();
            LocalDate oldEnd = line.getEndDate();
            line.setStartDate(start.getValue());
            line.setEndDate(end.getValue());
            try {
                plans.saveLine(line);
                dialog.close();
                Notifications.success(getTranslation("calendar.dates.saved"));
                show();
            } catch (CampaignException ex) {
                line.setStartDate(oldStart);
                line.setEndDate(oldEnd);
                ex.errors().forEach((field, key) -> {
                    DatePicker picker = "startDate".equals(field) ? start : "endDate".equals(field) ? end : null;
                    if (picker != null) {
                        picker.setErrorMessage(getTranslation(key));
                        picker.setInvalid(true);
                    } else {
                        Notifications.error(getTranslation(key));
                    }
                });
            } catch (ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("form.concurrentChange"));
            }
        });
        save.setId("line-dates-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(new HorizontalLayout(start, end));
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("calendar.nav")
                : getTranslation("calendar.campaign.title", campaign.getName());
    }
}
