package com.campagne.plans.approval.ui;

import com.campagne.base.ui.Images;
import com.campagne.base.ui.LanguageSwitch;
import com.campagne.base.ui.Notifications;
import com.campagne.plans.CampaignException;
import com.campagne.plans.approval.ApprovalLinkService;
import com.campagne.plans.approval.ApprovalLinkService.ApprovalRefusedException;
import com.campagne.plans.approval.ApprovalLinkService.Decided;
import com.campagne.plans.approval.ApprovalLinkService.Opening;
import com.campagne.plans.approval.ApprovalLinkService.PlanSummary;
import com.campagne.plans.approval.ApprovalLinkService.SummaryLine;
import com.campagne.plans.approval.ApprovalTokens.Refusal;
import com.campagne.base.ui.Formats;
import com.campagne.plans.money.Money;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Locale;
import java.util.Map;

/**
 * {@code approval/<token>}: the target of the approval e-mail. A client contact without an account reads the
 * plan version in the agency's colours and language, then approves it or asks for changes, once. A link that
 * cannot be used says why and what to do. Wider than the other public pages: it shows the plan's lines.
 */
@Route("approval/:token")
@AnonymousAllowed
public class ApprovalView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Set once the visitor picks a language here: it then wins over the agency's. */
    private static final String LANGUAGE_CHOSEN = ApprovalView.class.getName() + ".languageChosen";
    private static final String WIDTH = "64rem";

    private final ApprovalLinkService approvals;
    private final HorizontalLayout top = new HorizontalLayout();
    private final VerticalLayout card = new VerticalLayout();
    private String titleKey = "approval.page.title";

    public ApprovalView(ApprovalLinkService approvals) {
        this.approvals = approvals;
        // The document scrolls (not an inner box), so the whole plan prints and screenshots in one piece.
        setWidthFull();
        setMinHeight("100vh");
        setAlignItems(FlexComponent.Alignment.CENTER);
        getStyle().set("background", "var(--lumo-contrast-5pct, #f3f5f7)");
        top.setWidth("100%");
        top.setMaxWidth(WIDTH);
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        card.setMaxWidth(WIDTH);
        card.setWidth("100%");
        card.getStyle().set("background", "var(--lumo-base-color, white)").set("border-radius", "12px")
                .set("box-shadow", "0 2px 12px rgba(0,0,0,.08)").set("padding", "1.5rem 2rem");
        add(top, card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        Opening opening = approvals.open(token);
        UI ui = event.getUI();
        if (opening.locale() != null && VaadinSession.getCurrent().getAttribute(LANGUAGE_CHOSEN) == null) {
            ui.setLocale(opening.locale());
        }
        showBrand(opening.usable() ? opening.summary() : null, opening.agencyName());
        if (opening.usable()) {
            showPlan(token, opening.summary());
        } else {
            showRefusal(opening.refusal());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · " + getTranslation("app.name");
    }

    private void showBrand(PlanSummary summary, String agencyName) {
        top.removeAll();
        HorizontalLayout brand = new HorizontalLayout();
        brand.setAlignItems(FlexComponent.Alignment.CENTER);
        brand.setId("approval-agency");
        if (summary != null && summary.agencyLogo() != null && summary.agencyLogoType() != null) {
            brand.add(Images.inline(summary.agencyLogo(), summary.agencyLogoType(),
                    getTranslation("approval.page.logo", summary.agencyName())));
        }
        Span name = new Span(agencyName == null ? getTranslation("app.name") : agencyName);
        name.getStyle().set("font-weight", "700").set("font-size", "1.4rem")
                .set("color", "var(--lumo-primary-text-color, #1a5fb4)");
        brand.add(name);
        top.add(brand, new LanguageSwitch(l -> VaadinSession.getCurrent().setAttribute(LANGUAGE_CHOSEN, Boolean.TRUE)));
    }

    private void showPlan(String token, PlanSummary s) {
        titleKey = "approval.page.title";
        card.removeAll();
        Locale locale = getLocale();
        card.add(heading(getTranslation("approval.page.title")));
        Paragraph intro = new Paragraph(getTranslation("approval.page.intro", s.agencyName()));
        intro.setId("approval-intro");
        intro.getStyle().set("margin-top", "0");
        card.add(intro);

        Div facts = new Div();
        facts.setId("approval-facts");
        facts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(12rem, 1fr))")
                .set("gap", "0.75rem 1.5rem").set("width", "100%");
        facts.add(fact("approval.page.client", s.clientName()), fact("approval.page.campaign", s.campaignName()),
                fact("approval.page.period", getTranslation("campaigns.period", ApprovalTexts.date(s.start(), locale),
                        ApprovalTexts.date(s.end(), locale))),
                fact("approval.page.version", s.version()));
        card.add(facts);

        card.add(subheading("approval.lines.title"));
        Grid<SummaryLine> lines = new Grid<>();
        lines.setId("approval-lines");
        lines.addColumn(l -> getTranslation(ApprovalTexts.channelKey(l.channel().name())))
                .setHeader(getTranslation("approval.lines.channel")).setFlexGrow(2);
        lines.addColumn(SummaryLine::vendor).setHeader(getTranslation("approval.lines.vendor")).setFlexGrow(2)
                .setVisible(s.lines().stream().anyMatch(l -> !l.vendor().isBlank()));
        lines.addColumn(l -> l.placement() == null ? "" : l.placement())
                .setHeader(getTranslation("approval.lines.placement")).setFlexGrow(3);
        lines.addColumn(l -> l.format() == null ? "" : l.format())
                .setHeader(getTranslation("approval.lines.format")).setFlexGrow(1);
        lines.addColumn(l -> getTranslation("campaigns.period", ApprovalTexts.date(l.start(), locale),
                ApprovalTexts.date(l.end(), locale))).setHeader(getTranslation("approval.lines.flight")).setFlexGrow(3);
        lines.addColumn(l -> l.cost().format(locale)).setHeader(getTranslation("approval.lines.cost"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(2);
        lines.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        lines.setAllRowsVisible(true);
        lines.setItems(s.lines());
        card.add(lines);

        card.add(subheading("approval.totals.title"), totals(s, locale));
        card.add(decision(token));
        Paragraph validity = new Paragraph(getTranslation("approval.page.validUntil",
                Formats.date(s.expiresAt(), s.zone(), locale)));
        validity.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-size", "0.9rem");
        card.add(validity);
    }

    private Div totals(PlanSummary s, Locale locale) {
        Div totals = new Div();
        totals.setId("approval-totals");
        totals.getStyle().set("width", "100%").set("max-width", "32rem");
        for (Map.Entry<String, Money> channel : s.byChannel().entrySet()) {
            HorizontalLayout row = amountRow(getTranslation(ApprovalTexts.channelKey(channel.getKey())),
                    channel.getValue(), locale, false);
            // The split by channel reads as detail of the media total below it.
            row.getStyle().set("padding-left", "1rem").set("color", "var(--lumo-secondary-text-color, #555)");
            totals.add(row);
        }
        totals.add(amountRow(getTranslation("approval.totals.mediaCost"), s.mediaCost(), locale, false));
        if (!s.agencyFee().isZero()) {
            totals.add(amountRow(getTranslation("approval.totals.agencyFee"), s.agencyFee(), locale, false));
        }
        HorizontalLayout grand = amountRow(getTranslation("approval.totals.grandTotal"), s.grandTotal(), locale, true);
        grand.setId("approval-grand-total");
        totals.add(grand);
        if (s.hasBudget()) {
            totals.add(amountRow(getTranslation("approval.totals.budget"), s.budget(), locale, false));
            Money remaining = s.budget().minus(s.grandTotal());
            totals.add(remaining.isNegative()
                    ? amountRow(getTranslation("approval.totals.over"), remaining.negate(), locale, false)
                    : amountRow(getTranslation("approval.totals.remaining"), remaining, locale, false));
        }
        return totals;
    }

    private HorizontalLayout amountRow(String label, Money amount, Locale locale, boolean strong) {
        Span what = new Span(label);
        Span value = new Span(amount.format(locale));
        HorizontalLayout row = new HorizontalLayout(what, value);
        row.setWidthFull();
        row.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        row.getStyle().set("padding", "0.25rem 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct, #eee)");
        if (strong) {
            row.getStyle().set("font-weight", "700").set("font-size", "1.15rem");
        }
        return row;
    }

    private VerticalLayout decision(String token) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(subheading("approval.decision.title"));
        TextArea comment = new TextArea(getTranslation("approval.comment"));
        comment.setId("approval-comment");
        comment.setHelperText(getTranslation("approval.comment.help"));
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setMinHeight("6rem");
        Button approve = new Button(getTranslation("approval.approve"), VaadinIcon.CHECK.create());
        approve.setId("approval-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button changes = new Button(getTranslation("approval.requestChanges"), VaadinIcon.COMMENT_ELLIPSIS_O.create());
        changes.setId("approval-request-changes");
        approve.addClickListener(e -> decide(token, true, comment, approve, changes));
        changes.addClickListener(e -> decide(token, false, comment, approve, changes));
        approve.setDisableOnClick(true);
        changes.setDisableOnClick(true);
        box.add(comment, new HorizontalLayout(approve, changes));
        return box;
    }

    private void decide(String token, boolean approve, TextArea comment, Button... buttons) {
        comment.setInvalid(false);
        try {
            showDone(approvals.decide(token, approve, comment.getValue()));
        } catch (ApprovalRefusedException e) {
            showRefusal(e.refusal());
        } catch (CampaignException e) {
            String key = e.errors().get("comment");
            if (key != null) {
                comment.setErrorMessage(getTranslation(key));
                comment.setInvalid(true);
                comment.focus();
            } else {
                Notifications.error(getTranslation(e.messageKey()));
            }
            for (Button button : buttons) {
                button.setEnabled(true);
            }
        }
    }

    private void showDone(Decided decided) {
        titleKey = "approval.done.pageTitle";
        card.removeAll();
        var icon = VaadinIcon.CHECK_CIRCLE.create();
        icon.setSize("48px");
        icon.getStyle().set("color", "var(--lumo-success-color, #2e7d32)");
        H1 title = heading(getTranslation("approval.done.title", decided.agencyName()));
        title.setId("approval-done");
        Paragraph text = new Paragraph(getTranslation(decided.approved() ? "approval.done.approved" : "approval.done.changes",
                decided.version(), decided.campaignName(), decided.agencyName()));
        text.setId("approval-done-text");
        Paragraph close = new Paragraph(getTranslation("approval.done.close"));
        close.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
        card.add(icon, title, text, close);
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void showRefusal(Refusal refusal) {
        titleKey = "approval.refused.title";
        card.removeAll();
        var icon = VaadinIcon.WARNING.create();
        icon.setSize("48px");
        icon.getStyle().set("color", "var(--lumo-warning-text-color, #b26a00)");
        H1 title = heading(getTranslation("approval.refused.title"));
        Paragraph why = new Paragraph(getTranslation(ApprovalTexts.refusalKey(refusal)));
        why.setId("approval-refused");
        why.getElement().setAttribute("data-reason", refusal.name());
        Paragraph what = new Paragraph(getTranslation(refusal == Refusal.USED
                ? "approval.refused.whatToDoUsed" : "approval.refused.whatToDo"));
        what.setId("approval-refused-next");
        what.getStyle().set("font-weight", "600");
        card.add(icon, title, why, what);
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private static H1 heading(String text) {
        H1 title = new H1(text);
        title.getStyle().set("font-size", "1.6rem").set("margin", "0");
        return title;
    }

    private H2 subheading(String key) {
        H2 title = new H2(getTranslation(key));
        title.getStyle().set("font-size", "1.15rem").set("margin", "1rem 0 0");
        return title;
    }

    private Div fact(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color, #555)")
                .set("font-size", "0.85rem");
        Span shown = new Span(value);
        shown.getStyle().set("font-weight", "600");
        return new Div(label, shown);
    }
}
