package com.campagne.analytics.charts;

import com.campagne.base.ui.Formats;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DateFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts of dashboards and reports, drawn on the server by JFreeChart: the same chart becomes SVG for
 * the screen ({@link #svg}, shown by {@link ChartView}) and PNG for a PDF report ({@link #png}). Numbers and
 * dates on the axes follow the user's locale. Series are plain data ({@link Series}), so services build
 * them without knowing JFreeChart.
 */
public final class Charts {

    /** The palette, in order of series: Campagne blue first, then colours that stay apart for colour-blind eyes. */
    public static final List<Color> PALETTE = List.of(new Color(0x1a5fb4), new Color(0xe66100), new Color(0x26a269),
            new Color(0x9141ac), new Color(0xc01c28), new Color(0x865e3c), new Color(0x3d9bd6), new Color(0x5e5c64));

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /**
     * A named series of values by day; a {@code dashed} one is drawn dashed (a comparison period, a plan, a
     * forecast). Null values are gaps.
     */
    public record Series(String name, Map<LocalDate, ? extends Number> values, boolean dashed) {
    }

    /** Lines over days, e.g. clicks this period and (dashed) the previous one shifted onto the same days. */
    public static JFreeChart timeSeries(List<Series> series, Locale locale) {
        return timeSeries(series, null, List.of(), null, locale);
    }

    /**
     * Lines over days on two scales, for measures of different units (cost in euros and clicks): {@code left}
     * against the left axis, {@code right} against its own axis on the right, each axis named when a label
     * is given, so no line is read against the other's numbers.
     */
    public static JFreeChart timeSeries(List<Series> left, String leftLabel, List<Series> right, String rightLabel,
                                        Locale locale) {
        Locale conventions = Formats.conventions(locale);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, leftLabel, dataset(left),
                left.size() + right.size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(renderer(left, 0));
        DateAxis dates = (DateAxis) plot.getDomainAxis();
        dates.setDateFormatOverride(DateFormat.getDateInstance(DateFormat.SHORT, conventions));
        dates.setTickLabelFont(FONT);
        // Room for the last date's label, which the axis would otherwise cut at the chart's edge.
        dates.setUpperMargin(0.04);
        styleNumbers((NumberAxis) plot.getRangeAxis(), conventions);
        if (!right.isEmpty()) {
            NumberAxis second = new NumberAxis(rightLabel);
            styleNumbers(second, conventions);
            plot.setRangeAxis(1, second);
            plot.setDataset(1, dataset(right));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, renderer(right, left.size()));
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinesVisible(false);
        return chart;
    }

    private static TimeSeriesCollection dataset(List<Series> series) {
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        for (Series s : series) {
            TimeSeries ts = new TimeSeries(s.name());
            s.values().forEach((day, value) -> {
                if (value != null) {
                    ts.addOrUpdate(new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), value);
                }
            });
            dataset.addSeries(ts);
        }
        return dataset;
    }

    /** Lines in the palette's colours from {@code firstColour} on, dashed where the series says so. */
    private static XYLineAndShapeRenderer renderer(List<Series> series, int firstColour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get((firstColour + i) % PALETTE.size()));
            renderer.setSeriesStroke(i, series.get(i).dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.2f));
        }
        return renderer;
    }

    /** Every scale starts at zero: a line half-way up means half as much, whichever axis it is read on. */
    private static void styleNumbers(NumberAxis numbers, Locale conventions) {
        numbers.setAutoRangeIncludesZero(true);
        numbers.setNumberFormatOverride(NumberFormat.getNumberInstance(conventions));
        numbers.setTickLabelFont(FONT);
        numbers.setLabelFont(FONT);
    }

    /**
     * Horizontal bars, one per category, in one or more series (e.g. cost by channel; planned and actual
     * side by side).
     */
    public static JFreeChart bars(Map<String, Map<String, ? extends Number>> valuesBySeries, Locale locale) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        valuesBySeries.forEach((series, values) -> values.forEach((category, value) ->
                dataset.addValue(value == null ? null : value.doubleValue(), series, category)));
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, dataset, PlotOrientation.HORIZONTAL,
                valuesBySeries.size() > 1, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < valuesBySeries.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        NumberAxis numbers = (NumberAxis) plot.getRangeAxis();
        numbers.setNumberFormatOverride(NumberFormat.getNumberInstance(Formats.conventions(locale)));
        numbers.setTickLabelFont(FONT);
        plot.getDomainAxis().setTickLabelFont(FONT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        style(chart);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 24));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    /** The chart as an SVG element that scales to its container's width (drawn at width × height). */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
    }

    /** The chart as a PNG image (reports), drawn at twice the size for a sharp print. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart, width, height, 2, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A number for a chart (amounts are drawn as doubles; the figures themselves stay BigDecimal). */
    public static Double plot(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
