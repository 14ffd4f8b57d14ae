package com.campagne.support.pages;

import com.microsoft.playwright.Page;

/** The pages seen before logging in: brand, FR / EN switch, a card with a heading. */
public abstract class PublicPage extends VaadinPage {

    protected PublicPage(Page page) {
        super(page);
    }

    public String heading() {
        return page.locator("h1").first().innerText().trim();
    }
}
