package com.campagne.plans.calendar.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A Gantt-style time line on a plain CSS grid: one column per day (so bars fall on their exact dates),
 * headed by ISO weeks ("S12 · 17 mars") or by months, a sticky first column of row labels and a sticky
 * heading row inside a scrolling frame, so that six months and a hundred rows stay readable. Rows are
 * added in order, then {@link #build()} draws the week or month separators and today's line.
 */
class Timeline extends Div {

    enum Scale { WEEK, MONTH }

    private static final String LABEL_WIDTH = "17rem";
    private static final String ROW_HEIGHT = "2.25rem";
    private static final String TODAY_KEY = "calendar.today";

    private final LocalDate from;
    private final LocalDate to;
    private final Scale scale;
    private final int dayWidth;
    private final Locale locale;
    private final BiFunction<String, Object[], String> translate;
    private final Div grid = new Div();
    private int rows = 1;

    /**
     * @param from first day shown (widened to the Monday, or the 1st of the month)
     * @param to   last day shown (widened to the Sunday, or the end of the month)
     */
    Timeline(LocalDate from, LocalDate to, Scale scale, int dayWidth, Locale locale,
             BiFunction<String, Object[], String> translate) {
        this.scale = scale;
        this.from = scale == Scale.WEEK ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : from.withDayOfMonth(1);
        this.to = scale == Scale.WEEK ? to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                : to.with(TemporalAdjusters.lastDayOfMonth());
        this.dayWidth = dayWidth;
        this.locale = locale;
        this.translate = translate;
        addClassName("timeline");
        getStyle().set("overflow", "auto").set("max-height", "70vh").set("max-width", "100%")
                .set("border", "1px solid var(--lumo-contrast-20pct, #ccc)").set("border-radius", "8px")
                .set("background", "var(--lumo-base-color, #fff)");
        grid.getStyle().set("display", "grid").set("position", "relative").set("width", "max-content")
                .set("grid-template-columns", LABEL_WIDTH + " repeat(" + days() + ", " + dayWidth + "px)")
                .set("font-size", "var(--lumo-font-size-s, 0.875rem)");
        add(grid);
        heading();
    }

    LocalDate from() {
        return from;
    }

    LocalDate to() {
        return to;
    }

    private long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The grid column of a day (the labels take column 1). */
    private int column(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(from, day) + 2;
    }

    private void heading() {
        Div corner = cell(1, 1, 2);
        corner.getStyle().set("position", "sticky").set("left", "0").set("top", "0").set("z-index", "5")
                .set("background", "var(--lumo-contrast-5pct, #f3f4f6)").set("background-color", "#f3f4f6");
        grid.add(corner);
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = scale == Scale.WEEK ? start.plusDays(6) : start.with(TemporalAdjusters.lastDayOfMonth());
            String text = scale == Scale.WEEK
                    ? translate.apply("calendar.week", new Object[]{start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    start.format(DateTimeFormatter.ofPattern("d MMM", locale))})
                    : start.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            Div head = cell(1, column(start), column(end) + 1);
            head.setText(text);
            head.addClassName("timeline-period");
            head.getStyle().set("position", "sticky").set("top", "0").set("z-index", "3")
                    .set("background-color", "#f3f4f6").set("font-weight", "600").set("padding", "0.4rem")
                    .set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis")
                    .set("border-left", "1px solid #d0d4da").set("border-bottom", "1px solid #d0d4da");
            grid.add(head);
            start = end.plusDays(1);
        }
    }

    /** A row heading a group (a channel), with its colour. */
    void group(String label, String colour, String id) {
        rows++;
        Div head = cell(rows, 1, 2);
        head.setId(id);
        head.addClassName("timeline-group");
        Span swatch = new Span();
        swatch.getStyle().set("display", "inline-block").set("width", "0.8rem").set("height", "0.8rem")
                .set("border-radius", "3px").set("background", colour).set("margin-right", "0.5rem");
        head.add(swatch, new Span(label));
        stickyLabel(head);
        head.getStyle().set("font-weight", "700").set("background-color", "#eef1f5");
        Div band = cell(rows, 2, column(to) + 1);
        band.getStyle().set("background-color", "#eef1f5").set("opacity", "0.6");
        grid.add(band, head);
    }

    /** Starts a new row labelled by {@code label}; bars and markers added next go on it. */
    Div row(Component... label) {
        rows++;
        Div cell = cell(rows, 1, 2);
        cell.addClassName("timeline-label");
        cell.add(label);
        stickyLabel(cell);
        grid.add(cell);
        return cell;
    }

    /** A bar on the current row from {@code start} to {@code end} (both included, clipped to the range). */
    Div bar(LocalDate start, LocalDate end, String colour, String text, String tooltip) {
        LocalDate a = start.isBefore(from) ? from : start;
        LocalDate b = end.isAfter(to) ? to : end;
        Div bar = cell(rows, column(a), column(b) + 1);
        bar.addClassName("timeline-bar");
        bar.setText(text);
        bar.getElement().setAttribute("title", tooltip);
        bar.getStyle().set("background", colour).set("color", "#fff").set("border-radius", "6px")
                .set("margin", "0.3rem 1px").set("padding", "0 0.45rem").set("white-space", "nowrap")
                .set("overflow", "hidden").set("text-overflow", "ellipsis").set("line-height", "1.65rem")
                .set("height", "1.65rem").set("align-self", "center")
                .set("z-index", "2").set("box-shadow", "0 1px 2px rgba(0,0,0,.2)").set("font-weight", "500");
        if (start.isAfter(to) || end.isBefore(from)) {
            bar.setVisible(false);
        }
        grid.add(bar);
        return bar;
    }

    /** A small marker on the current row on {@code day} (a task's due date), if the day is in the range. */
    Div marker(LocalDate day, String colour, String tooltip) {
        Div marker = new Div();
        marker.addClassName("timeline-marker");
        marker.getElement().setAttribute("title", tooltip);
        if (day.isBefore(from) || day.isAfter(to)) {
            marker.setVisible(false);
            grid.add(marker);
            return marker;
        }
        marker.getStyle().set("grid-row", String.valueOf(rows)).set("grid-column", column(day) + " / span 1")
                .set("justify-self", "center").set("align-self", "center").set("width", "0.7rem")
                .set("height", "0.7rem").set("transform", "rotate(45deg)").set("background", colour)
                .set("border", "2px solid #fff").set("z-index", "4").set("box-shadow", "0 0 0 1px " + colour);
        grid.add(marker);
        return marker;
    }

    /** Draws the period separators and today's line over every row; call once all rows are added. */
    void build(LocalDate today) {
        grid.getStyle().set("grid-template-rows", "auto repeat(" + (rows - 1) + ", minmax(" + ROW_HEIGHT + ", auto))");
        LocalDate start = from;
        while (!start.isAfter(to)) {
            Div line = cell(2, column(start), column(start) + 1);
            line.getStyle().set("grid-row", "2 / " + (rows + 1)).set("border-left", "1px solid #e3e6ea")
                    .set("z-index", "0").set("pointer-events", "none");
            grid.add(line);
            start = scale == Scale.WEEK ? start.plusWeeks(1) : start.plusMonths(1).withDayOfMonth(1);
        }
        if (!today.isBefore(from) && !today.isAfter(to)) {
            Div now = cell(1, column(today), column(today) + 1);
            now.setId("timeline-today");
            String label = translate.apply(TODAY_KEY, new Object[0]);
            now.getElement().setAttribute("title", label);
            now.getStyle().set("grid-row", "2 / " + (rows + 1)).set("border-left", "2px solid #d7263d")
                    .set("z-index", "1").set("pointer-events", "none").set("justify-self", "center")
                    .set("width", "0");
            grid.add(now);
        }
    }

    private void stickyLabel(Div cell) {
        cell.getStyle().set("position", "sticky").set("left", "0").set("z-index", "3")
                .set("background-color", "#fff").set("padding", "0.3rem 0.6rem").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("white-space", "nowrap").set("display", "flex")
                .set("align-items", "center").set("gap", "0.35rem")
                .set("border-right", "1px solid #d0d4da").set("border-bottom", "1px solid #f0f1f3");
    }

    private static Div cell(int row, int columnStart, int columnEnd) {
        Div cell = new Div();
        cell.getStyle().set("grid-row", String.valueOf(row)).set("grid-column", columnStart + " / " + columnEnd)
                .set("min-width", "0");
        return cell;
    }
}
