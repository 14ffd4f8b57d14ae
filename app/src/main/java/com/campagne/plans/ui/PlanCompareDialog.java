package com.campagne.plans.ui;

import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.Change;
import com.campagne.plans.MediaPlanService.ComparedLine;
import com.campagne.plans.MediaPlanService.PlanComparison;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.Money;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code #plan-compare-dialog}: two versions of the plan side by side, line by line — added, changed
 * (each changed field as old → new), removed or the same — and how the grand total moved.
 */
class PlanCompareDialog extends Dialog {

    /** Signs, not words: the same in every language. */
    private static final String NOTHING = String.valueOf((char) 0x2014);
    private static final String ARROW = " " + (char) 0x2192 + " ";

    private final MediaPlanService service;
    private final Locale locale;
    private final Select<MediaPlan> older = new Select<>();
    private final Select<MediaPlan> newer = new Select<>();
    private final Paragraph difference = new Paragraph();
    private final Grid<ComparedLine> grid = new Grid<>();
    private PlanComparison comparison;

    PlanCompareDialog(MediaPlanService service, List<MediaPlan> versions, MediaPlan current, Locale locale) {
        this.service = service;
        this.locale = locale;
        setId("plan-compare-dialog");
        setHeaderTitle(getTranslation("plans.compare.title"));
        setWidth("min(80rem, 98vw)");
        setHeight("85vh");

        older.setId("compare-older");
        older.setLabel(getTranslation("plans.compare.older"));
        newer.setId("compare-newer");
        newer.setLabel(getTranslation("plans.compare.newer"));
        for (Select<MediaPlan> select : List.of(older, newer)) {
            select.setItems(versions);
            select.setItemLabelGenerator(MediaPlan::displayName);
            select.setWidth("18rem");
        }
        MediaPlan other = versions.stream().filter(v -> !v.equals(current)).reduce((a, b) -> b).orElse(current);
        boolean currentIsNewer = current.getNumber() >= other.getNumber();
        older.setValue(currentIsNewer ? other : current);
        newer.setValue(currentIsNewer ? current : other);
        older.addValueChangeListener(e -> compare());
        newer.addValueChangeListener(e -> compare());
        HorizontalLayout pickers = new HorizontalLayout(older, newer);
        pickers.setAlignItems(FlexComponent.Alignment.BASELINE);

        difference.setId("compare-difference");
        difference.getStyle().set("font-weight", "600");

        grid.setId("compare-lines");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(new ComponentRenderer<>(c -> PlanTexts.changeBadge(c.change(), this::getTranslation)))
                .setHeader(getTranslation("plans.compare.column.change")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> getTranslation(PlanTexts.channelKey(either(c).getChannel())))
                .setHeader(getTranslation("plans.column.channel")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.newer() != null ? comparison.newer().vendorName(c.newer()) : comparison.older().vendorName(c.older()))
                .setHeader(getTranslation("plans.column.vendor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Objects.toString(either(c).getPlacement(), ""))
                .setHeader(getTranslation("plans.column.placement")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::costCell)).setHeader(getTranslation("plans.column.cost"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(new ComponentRenderer<>(this::changesCell)).setHeader(getTranslation("plans.compare.column.details"))
                .setFlexGrow(2);
        grid.setSizeFull();

        Button close = new Button(getTranslation("plans.compare.close"), e -> close());
        close.setId("compare-close");
        getFooter().add(close);
        Div body = new Div(pickers, difference, grid);
        body.getStyle().set("display", "flex").set("flex-direction", "column").set("height", "100%");
        grid.getStyle().set("flex", "1");
        add(body);
        compare();
    }

    private static PlanLineItem either(ComparedLine c) {
        return c.newer() != null ? c.newer() : c.older();
    }

    private void compare() {
        if (older.getValue() == null || newer.getValue() == null) {
            return;
        }
        comparison = service.compare(older.getValue().getId(), newer.getValue().getId());
        Money before = comparison.older().totals().grandTotal();
        Money after = comparison.newer().totals().grandTotal();
        Money delta = comparison.difference();
        String signed = (delta.isPositive() ? "+" : "") + PlanTexts.money(delta, locale);
        difference.setText(getTranslation("plans.compare.difference", comparison.older().plan().displayName(),
                PlanTexts.money(before, locale), comparison.newer().plan().displayName(), PlanTexts.money(after, locale), signed));
        grid.setItems(comparison.lines());
    }

    private Span costCell(ComparedLine c) {
        String currency = comparison.newer().campaign().getCurrency();
        if (c.change() == Change.CHANGED && c.changedFields().contains("cost")) {
            return oldToNew(PlanTexts.money(c.older().getCost(), currency, locale),
                    PlanTexts.money(c.newer().getCost(), currency, locale));
        }
        Span cost = new Span(PlanTexts.money(either(c).getCost(), currency, locale));
        if (c.change() == Change.REMOVED) {
            cost.getStyle().set("text-decoration", "line-through");
        }
        return cost;
    }

    private Div changesCell(ComparedLine c) {
        Div cell = new Div();
        cell.getStyle().set("white-space", "normal");
        if (c.change() != Change.CHANGED) {
            return cell;
        }
        for (String field : c.changedFields()) {
            if ("cost".equals(field)) {
                continue;
            }
            Div change = new Div();
            change.addClassName("compare-field");
            change.add(new Span(getTranslation("plans.compare.field", getTranslation(fieldKey(field)))));
            change.add(oldToNew(value(field, c.older(), comparison.older()), value(field, c.newer(), comparison.newer())));
            cell.add(change);
        }
        return cell;
    }

    private static Span oldToNew(String before, String after) {
        Span old = new Span(before.isEmpty() ? NOTHING : before);
        old.getStyle().set("text-decoration", "line-through").set("color", "var(--lumo-secondary-text-color, #666)");
        Span now = new Span(after.isEmpty() ? NOTHING : after);
        now.getStyle().set("font-weight", "700").set("background", "#fff1d6").set("padding", "0 0.2em");
        return new Span(old, new Span(ARROW), now);
    }

    private String value(String field, PlanLineItem line, PlanView view) {
        String currency = view.campaign().getCurrency();
        return switch (field) {
            case "channel" -> getTranslation(PlanTexts.channelKey(line.getChannel()));
            case "vendor" -> view.vendorName(line);
            case "placement" -> Objects.toString(line.getPlacement(), "");
            case "format" -> Objects.toString(line.getFormat(), "");
            case "buyingModel" -> getTranslation(PlanTexts.buyingModelShortKey(line.getBuyingModel()));
            case "rateCardPrice" -> PlanTexts.unitPrice(line.getRateCardPrice(), currency, locale);
            case "discounts" -> PlanTexts.discounts(line.getDiscounts(), locale, this::getTranslation);
            case "volume" -> PlanTexts.number(line.getVolume(), locale);
            case "plannedImpressions" -> PlanTexts.number(line.getPlannedImpressions(), locale);
            case "plannedClicks" -> PlanTexts.number(line.getPlannedClicks(), locale);
            case "plannedConversions" -> PlanTexts.number(line.getPlannedConversions(), locale);
            case "startDate" -> CampaignTexts.date(line.getStartDate(), locale);
            case "endDate" -> CampaignTexts.date(line.getEndDate(), locale);
            case "targeting" -> Objects.toString(line.getTargeting(), "");
            case "syncedCampaign" -> Objects.toString(line.getSyncedCampaignId(), "");
            default -> "";
        };
    }

    private static String fieldKey(String field) {
        return switch (field) {
            case "channel" -> "plans.line.channel";
            case "vendor" -> "plans.line.vendor";
            case "placement" -> "plans.line.placement";
            case "format" -> "plans.line.format";
            case "buyingModel" -> "plans.line.buyingModel";
            case "rateCardPrice" -> "plans.line.price";
            case "discounts" -> "plans.line.discounts";
            case "volume" -> "plans.line.volume";
            case "plannedImpressions" -> "plans.line.plannedImpressions";
            case "plannedClicks" -> "plans.line.plannedClicks";
            case "plannedConversions" -> "plans.line.plannedConversions";
            case "startDate" -> "plans.line.startDate";
            case "endDate" -> "plans.line.endDate";
            case "targeting" -> "plans.line.targeting";
            case "syncedCampaign" -> "plans.line.synced";
            default -> "plans.column.cost";
        };
    }
}
