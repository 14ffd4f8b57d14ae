package com.campagne.analytics.charts;

import com.vaadin.flow.component.html.Div;
import org.jfree.chart.JFreeChart;

/**
 * A chart on screen: JFreeChart's drawing as inline SVG, scaling to the width it is given. The SVG comes
 * from our own code and data drawn as text by JFreeSVG (which escapes it), never from user HTML.
 */
public class ChartView extends Div {

    private final int width;
    private final int height;

    public ChartView(int width, int height) {
        this.width = width;
        this.height = height;
        addClassName("chart-view");
        getStyle().set("width", "100%").set("max-width", width + "px").set("aspect-ratio", width + " / " + height);
    }

    public ChartView(JFreeChart chart, int width, int height) {
        this(width, height);
        show(chart);
    }

    public void show(JFreeChart chart) {
        getElement().setProperty("innerHTML", Charts.svg(chart, width, height));
    }
}
