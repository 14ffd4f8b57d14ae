package com.campagne.support.pages;

import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/connections/new}: the connector catalogue, then the connection form. */
public class ConnectorPickerPage extends Shell {

    public ConnectorPickerPage(Page page) {
        super(page);
    }

    /** The category headings of the catalogue, in order. */
    public List<String> categories() {
        return page.locator("#connector-picker h3").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The text of a connector's card (name and description). */
    public String card(String connectorId) {
        return byId("connector-" + connectorId).innerText().trim();
    }

    /** The category heading a connector's card is listed under. */
    public String categoryOf(String connectorId) {
        return ((String) byId("connector-" + connectorId)
                .evaluate("card => card.parentElement.previousElementSibling.innerText")).trim();
    }

    /** Picks a connector: its generated form opens. */
    public ConnectionFormPage choose(String connectorId) {
        click("connector-" + connectorId);
        byId("connection-name").waitFor();
        return new ConnectionFormPage(page);
    }
}
