package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** The rows a Vaadin grid shows, each as the texts of its cells joined by " | ", in order. */
final class GridRows {

    private GridRows() {
    }

    @SuppressWarnings("unchecked")
    static List<String> of(Page page, String gridId) {
        Locator grid = page.locator("#" + gridId);
        if (!grid.isVisible()) {
            return List.of();
        }
        page.waitForFunction("id => { const g = document.getElementById(id);"
                + " return g && !g.loading && !g.hasAttribute('loading'); }", gridId);
        return (List<String>) grid.evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => [...r.querySelectorAll('td slot')]
                        .map(s => s.assignedElements()[0])
                        .map(c => c ? c.textContent.trim() : '').join(' | '))""");
    }
}
