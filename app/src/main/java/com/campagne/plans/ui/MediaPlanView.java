package com.campagne.plans.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.RouteIds;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.approval.ApprovalLinkService;
import com.campagne.plans.approval.ui.ApprovalLinksPanel;
import com.campagne.plans.documents.PlanDocumentService;
import com.campagne.plans.documents.PlanImportService;
import com.campagne.plans.documents.ui.PlanDocumentsMenu;
import com.campagne.plans.documents.ui.PlanImportDialog;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.PlanStatus;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import com.campagne.plans.money.Discounts;
import com.campagne.plans.money.PlanTotals;
import com.campagne.analytics.PlanVsActualService;
import com.campagne.analytics.planvsactual.PlanVsActualPanel;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code clients/<id>/campaigns/<id>/plan[?version=n]}: one version of a campaign's media plan — its
 * figures against the budget, its lines, totals by channel, vendor and month — and the version's workflow:
 * new version, comparison, proposal to the client, the client's approval or return.
 *
 * <p>Staff edit a draft version; a client viewer reads the proposed versions and decides on them. The
 * {@link #actions} toolbar holds the version's buttons: other features add theirs there.
 */
@Route(value = "clients/:clientId/campaigns/:campaignId/plan", layout = MainLayout.class)
@PermitAll
public class MediaPlanView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final CampaignService campaigns;
    private final MediaPlanService plans;
    private final SyncedCampaignLookup syncedLookup;
    private final TenantSettingsService settings;
    private final PlanDocumentService documents;
    private final PlanImportService imports;
    private final ApprovalLinkService approvalLinks;
    private final PlanVsActualService planVsActual;
    private final Div planVsActualHolder = new Div();
    /** The links e-mailed to client contacts for a version that left the draft state (staff only). */
    private final Div approvalHolder = new Div();
    private final ZoneId zone;
    private final boolean staff;

    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Select<MediaPlan> version = new Select<>();
    private final HorizontalLayout statusHolder = new HorizontalLayout();
    /** The version's buttons (settings, new version, compare, propose, approve…); others may add theirs. */
    final HorizontalLayout actions = new HorizontalLayout();
    private final Div banner = new Div();
    private final VerticalLayout decision = new VerticalLayout();
    private final FlexLayout summary = new FlexLayout();
    private final Div overBudget = new Div();
    private final Button addLine = new Button();
    private final Grid<PlanLineItem> grid = new Grid<>();
    private final Div empty = new Div();
    private final PlanTotalsPanel totalsPanel = new PlanTotalsPanel();
    private FooterRow footer;
    private Grid.Column<PlanLineItem> costColumn;
    private Grid.Column<PlanLineItem> impressionsColumn;
    private Grid.Column<PlanLineItem> clicksColumn;
    private Grid.Column<PlanLineItem> conversionsColumn;
    private Grid.Column<PlanLineItem> actionsColumn;

    private Client client;
    private Campaign campaign;
    private List<MediaPlan> versions = List.of();
    private List<SyncedCampaign> syncedCampaigns = List.of();
    private PlanView view;

    MediaPlanView(ClientService clients, CampaignService campaigns, MediaPlanService plans,
                  SyncedCampaignLookup syncedLookup, TenantSettingsService settings, PlanDocumentService documents,
                  PlanImportService imports, ApprovalLinkService approvalLinks, PlanVsActualService planVsActual) {
        this.clients = clients;
        this.campaigns = campaigns;
        this.plans = plans;
        this.syncedLookup = syncedLookup;
        this.settings = settings;
        this.documents = documents;
        this.imports = imports;
        this.approvalLinks = approvalLinks;
        this.planVsActual = planVsActual;
        this.zone = settings.currentZone();
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setWidthFull();
        setId("plan-view");

        Button back = new Button(getTranslation("plans.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(), campaign.getId()))));
        back.setId("plan-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        title.getStyle().set("margin", "0");
        subtitle.setId("plan-subtitle");
        subtitle.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color, #555)");

        version.setId("plan-version");
        version.setLabel(getTranslation("plans.version"));
        version.setItemLabelGenerator(p -> p.displayName() + " · " + getTranslation(PlanTexts.statusKey(p.getStatus())));
        version.setWidth("22rem");
        version.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                navigateTo(e.getValue());
            }
        });
        statusHolder.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setId("plan-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout versionRow = new HorizontalLayout(version, statusHolder, actions);
        versionRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        versionRow.getStyle().set("flex-wrap", "wrap");
        versionRow.setWidthFull();

        banner.setId("plan-locked");
        banner.getStyle().set("padding", "0.75rem 1rem").set("border-radius", "8px").set("background", "#dcf5e4")
                .set("color", "#0b5d2a").set("font-weight", "600");
        decision.setPadding(false);
        decision.setId("plan-decision");

        summary.setId("plan-summary");
        summary.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        summary.getStyle().set("gap", "var(--lumo-space-m, 1rem)");
        summary.setWidthFull();
        overBudget.setId("plan-over-budget");
        overBudget.getStyle().set("padding", "0.75rem 1rem").set("border-radius", "8px")
                .set("background", "var(--lumo-error-color-10pct, #fde2e2)")
                .set("color", "var(--lumo-error-text-color, #9b1c1c)").set("font-weight", "700");

        addLine.setText(getTranslation("plans.line.add"));
        addLine.setIcon(VaadinIcon.PLUS.create());
        addLine.setId("plan-add-line");
        addLine.addThemeVariants(ButtonVariant.PRIMARY);
        addLine.addClickListener(e -> openLine(plans.newLine(view.plan().getId())));

        buildGrid();
        empty.setId("plan-empty");

        approvalHolder.setWidthFull();
        planVsActualHolder.setWidthFull();
        add(back, title, subtitle, versionRow, banner, decision, summary, overBudget, addLine, empty, grid, totalsPanel,
                planVsActualHolder, approvalHolder);
    }

    private void buildGrid() {
        grid.setId("plan-lines");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setWidthFull();
        grid.setColumnReorderingAllowed(false);
        grid.addColumn(PlanLineItem::getPosition).setHeader(getTranslation("plans.column.position"))
                .setWidth("3.5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(l -> getTranslation(PlanTexts.channelKey(l.getChannel())))
                .setHeader(getTranslation("plans.column.channel")).setAutoWidth(true).setFlexGrow(0);
        text("plans.column.vendor", l -> view.vendorName(l));
        text("plans.column.placement", l -> Objects.toString(l.getPlacement(), ""));
        text("plans.column.format", l -> Objects.toString(l.getFormat(), ""));
        text("plans.column.buyingModel", l -> getTranslation(PlanTexts.buyingModelShortKey(l.getBuyingModel())));
        number("plans.column.price", l -> PlanTexts.unitPrice(l.getRateCardPrice(), currency(), getLocale()));
        text("plans.column.discounts", l -> PlanTexts.discounts(l.getDiscounts(), getLocale(), this::getTranslation));
        number("plans.column.netPrice", l -> PlanTexts.unitPrice(
                new Discounts(l.getDiscounts()).apply(l.getRateCardPrice()), currency(), getLocale()));
        number("plans.column.volume", l -> PlanTexts.number(l.getVolume(), getLocale()));
        costColumn = number("plans.column.cost", l -> PlanTexts.money(l.getCost(), currency(), getLocale()));
        costColumn.setPartNameGenerator(l -> "plan-cost");
        impressionsColumn = number("plans.column.impressions", l -> PlanTexts.number(l.getPlannedImpressions(), getLocale()));
        clicksColumn = number("plans.column.clicks", l -> PlanTexts.number(l.getPlannedClicks(), getLocale()));
        conversionsColumn = number("plans.column.conversions", l -> PlanTexts.number(l.getPlannedConversions(), getLocale()));
        text("plans.column.flight", l -> getTranslation("campaigns.period",
                CampaignTexts.date(l.getStartDate(), getLocale()), CampaignTexts.date(l.getEndDate(), getLocale())));
        text("plans.column.synced", this::syncedLabel);
        // One light template per row, no server-side components: the grid stays fluid with hundreds of lines.
        actionsColumn = grid.addColumn(LitRenderer.<PlanLineItem>of(
                        "<vaadin-button class='line-up' theme='icon tertiary small' title='${item.upLabel}'"
                                + " aria-label='${item.upLabel}' @click=${e => { e.stopPropagation(); up(); }}>"
                                + "<vaadin-icon icon='vaadin:arrow-up'></vaadin-icon></vaadin-button>"
                                + "<vaadin-button class='line-down' theme='icon tertiary small' title='${item.downLabel}'"
                                + " aria-label='${item.downLabel}' @click=${e => { e.stopPropagation(); down(); }}>"
                                + "<vaadin-icon icon='vaadin:arrow-down'></vaadin-icon></vaadin-button>"
                                + "<vaadin-button class='line-delete' theme='icon tertiary small error' title='${item.deleteLabel}'"
                                + " aria-label='${item.deleteLabel}' @click=${e => { e.stopPropagation(); remove(); }}>"
                                + "<vaadin-icon icon='vaadin:trash'></vaadin-icon></vaadin-button>")
                        .withProperty("upLabel", l -> getTranslation("plans.line.up"))
                        .withProperty("downLabel", l -> getTranslation("plans.line.down"))
                        .withProperty("deleteLabel", l -> getTranslation("plans.line.delete"))
                        .withFunction("up", l -> move(l, -1))
                        .withFunction("down", l -> move(l, 1))
                        .withFunction("remove", this::confirmDelete))
                .setHeader(getTranslation("plans.column.actions")).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addItemClickListener(e -> {
            if (editable()) {
                openLine(plans.findLine(e.getItem().getId()).orElse(e.getItem()));
            }
        });
        footer = grid.appendFooterRow();
    }

    private Grid.Column<PlanLineItem> text(String headerKey, Function<PlanLineItem, String> value) {
        return grid.addColumn(value::apply).setHeader(getTranslation(headerKey)).setAutoWidth(true).setFlexGrow(0)
                .setResizable(true);
    }

    private Grid.Column<PlanLineItem> number(String headerKey, Function<PlanLineItem, String> value) {
        return text(headerKey, value).setTextAlign(ColumnTextAlign.END);
    }

    private String currency() {
        return campaign.getCurrency().trim();
    }

    private String syncedLabel(PlanLineItem line) {
        if (line.getSyncedCampaignId() == null) {
            return "";
        }
        return SyncedCampaignLookup.linkedTo(line, syncedCampaigns)
                .map(s -> getTranslation("plans.line.synced.item", s.name(), s.network(), s.accountId()))
                .orElse(line.getSyncedCampaignId());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId").flatMap(clients::find);
        Optional<Campaign> existing = found.flatMap(c -> RouteIds.param(event, "campaignId").flatMap(campaigns::find)
                .filter(k -> k.getClientId().equals(c.getId())));
        if (existing.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
            return;
        }
        client = found.get();
        campaign = existing.get();
        versions = plans.versions(campaign.getId());
        Optional<MediaPlan> chosen = event.getLocation().getQueryParameters().getSingleParameter("version")
                .flatMap(n -> versions.stream().filter(v -> String.valueOf(v.getNumber()).equals(n)).findFirst());
        if (chosen.isEmpty() && staff) {
            MediaPlan latest = plans.latestOrCreate(campaign.getId());
            versions = plans.versions(campaign.getId());
            chosen = Optional.of(latest);
        } else if (chosen.isEmpty() && !versions.isEmpty()) {
            chosen = Optional.of(versions.getLast());
        }
        syncedCampaigns = syncedLookup.forClient(client.getId(), getLocale());
        if (chosen.isEmpty()) {
            showNothingProposed();
            return;
        }
        show(chosen.get().getId());
    }

    private void navigateTo(MediaPlan plan) {
        getUI().ifPresent(ui -> ui.navigate(PlanTexts.planPath(client.getId(), campaign.getId()),
                QueryParameters.of("version", String.valueOf(plan.getNumber()))));
    }

    private boolean editable() {
        return staff && view != null && view.plan().getStatus() == PlanStatus.DRAFT;
    }

    /** A client viewer before the agency proposed anything. */
    private void showNothingProposed() {
        title.setText(getTranslation("plans.title", campaign.getName()));
        subtitle.setText(subtitleText());
        getChildren().filter(c -> c != title && c != subtitle && !(c instanceof Button)).forEach(c -> c.setVisible(false));
        add(new EmptyState(VaadinIcon.CLIPBOARD_TEXT, getTranslation("plans.viewer.none.title"),
                getTranslation("plans.viewer.none.text"), null));
    }

    private String subtitleText() {
        String period = getTranslation("campaigns.period", CampaignTexts.date(campaign.getStartDate(), getLocale()),
                CampaignTexts.date(campaign.getEndDate(), getLocale()));
        String budget = campaign.getBudget() == null ? getTranslation("plans.noBudget")
                : getTranslation("plans.budget", CampaignTexts.budget(campaign, getLocale()));
        return String.join(" · ", client.getName(), period, budget);
    }

    /** Reads the version again and shows everything of it. */
    private void show(UUID planId) {
        view = plans.view(planId);
        MediaPlan plan = view.plan();
        title.setText(getTranslation("plans.title", campaign.getName()));
        subtitle.setText(subtitleText());
        version.setItems(versions);
        versions.stream().filter(v -> v.getId().equals(plan.getId())).findFirst().ifPresent(version::setValue);
        statusHolder.removeAll();
        statusHolder.add(PlanTexts.statusBadge(plan.getStatus(), this::getTranslation));
        showActions(plan);
        showBanner(plan);
        showSummary(view.totals());
        boolean canEdit = editable();
        addLine.setVisible(canEdit);
        actionsColumn.setVisible(canEdit);
        boolean hasLines = !view.lines().isEmpty();
        grid.setVisible(hasLines);
        empty.removeAll();
        empty.setVisible(!hasLines);
        if (!hasLines) {
            Button first = null;
            if (canEdit) {
                first = new Button(getTranslation("plans.line.add"), VaadinIcon.PLUS.create(),
                        e -> openLine(plans.newLine(view.plan().getId())));
                first.setId("plan-empty-add");
                first.addThemeVariants(ButtonVariant.PRIMARY);
            }
            empty.add(new EmptyState(VaadinIcon.TABLE, getTranslation("plans.empty.title"),
                    getTranslation(canEdit ? "plans.empty.text" : "plans.empty.text.readOnly"), first));
        }
        // A short plan shows whole; a long one scrolls inside the grid, which only renders what is in view.
        boolean shortPlan = view.lines().size() <= 12;
        grid.setAllRowsVisible(shortPlan);
        grid.setHeight(shortPlan ? null : "32rem");
        grid.setItems(view.lines());
        // Widths were measured on the rows first shown: measure again for the new figures.
        grid.recalculateColumnWidths();
        showFooter();
        totalsPanel.setVisible(hasLines);
        if (hasLines) {
            totalsPanel.show(view.totals(), getLocale());
        }
        // Spend against the plan of reference (the approved version, else the latest), read again after each change.
        planVsActualHolder.removeAll();
        planVsActualHolder.add(new PlanVsActualPanel(planVsActual, campaign.getId()).withoutPlanLink());
    }

    private void showFooter() {
        footer.getCell(grid.getColumns().getFirst()).setText(getTranslation("plans.column.total"));
        footer.getCell(costColumn).setText(PlanTexts.money(view.totals().mediaCost(), getLocale()));
        footer.getCell(impressionsColumn).setText(sum(PlanLineItem::getPlannedImpressions));
        footer.getCell(clicksColumn).setText(sum(PlanLineItem::getPlannedClicks));
        footer.getCell(conversionsColumn).setText(sum(PlanLineItem::getPlannedConversions));
    }

    private String sum(Function<PlanLineItem, BigDecimal> value) {
        BigDecimal total = view.lines().stream().map(value).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        return PlanTexts.number(total, getLocale());
    }

    private void showActions(MediaPlan plan) {
        actions.removeAll();
        if (staff && plan.getStatus() == PlanStatus.DRAFT) {
            Button settings = new Button(getTranslation("plans.action.settings"), VaadinIcon.COG.create(),
                    e -> new PlanSettingsDialog(plans, plan, Currency.getInstance(currency()).getSymbol(getLocale()),
                            getLocale(), () -> reload(plan)).open());
            settings.setId("plan-settings");
            actions.add(settings);
        }
        if (staff) {
            Button newVersion = new Button(getTranslation("plans.action.newVersion"), VaadinIcon.COPY.create(),
                    e -> openNewVersion(plan));
            newVersion.setId("plan-new-version");
            actions.add(newVersion);
        }
        if (versions.size() > 1) {
            Button compare = new Button(getTranslation("plans.action.compare"), VaadinIcon.EXCHANGE.create(),
                    e -> new PlanCompareDialog(plans, versions, plan, getLocale()).open());
            compare.setId("plan-compare");
            actions.add(compare);
        }
        if (staff && plan.getStatus() == PlanStatus.DRAFT) {
            Button importLines = new Button(getTranslation("documents.import.open"), VaadinIcon.UPLOAD_ALT.create(),
                    e -> new PlanImportDialog(imports, plan.getId(), () -> reload(plan)).open());
            importLines.setId("plan-import-open");
            actions.add(importLines);
        }
        actions.add(new PlanDocumentsMenu(documents, plan.getId()));
        if (staff && plan.getStatus() == PlanStatus.DRAFT) {
            Button propose = new Button(getTranslation("plans.action.propose"), VaadinIcon.PAPERPLANE.create(),
                    e -> confirmPropose(plan));
            propose.setId("plan-propose");
            propose.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(propose);
        }
        approvalHolder.removeAll();
        if (staff && plan.getStatus() != PlanStatus.DRAFT) {
            approvalHolder.add(new ApprovalLinksPanel(approvalLinks, settings, plan.getId()));
        }
    }

    private void showBanner(MediaPlan plan) {
        decision.removeAll();
        decision.setVisible(false);
        String text = switch (plan.getStatus()) {
            case DRAFT -> null;
            case APPROVED -> getTranslation("plans.locked.approved",
                    Formats.dateTime(plan.getDecidedAt(), zone, getLocale()), Objects.toString(plan.getDecidedByName(), ""));
            case PROPOSED -> getTranslation(staff ? "plans.locked.proposed" : "plans.locked.proposed.viewer");
            case REJECTED -> getTranslation("plans.locked.rejected",
                    Formats.dateTime(plan.getDecidedAt(), zone, getLocale()), Objects.toString(plan.getDecidedByName(), ""),
                    Objects.toString(plan.getDecisionComment(), ""));
            case SUPERSEDED -> getTranslation("plans.locked.superseded");
        };
        banner.setVisible(text != null);
        banner.setText(text == null ? "" : text);
        String[] colours = plan.getStatus() == PlanStatus.APPROVED ? new String[]{"#dcf5e4", "#0b5d2a"}
                : plan.getStatus() == PlanStatus.REJECTED ? new String[]{"#fde2e2", "#9b1c1c"}
                : new String[]{"#fff1d6", "#8a4b00"};
        banner.getStyle().set("background", colours[0]).set("color", colours[1]);
        if (!staff && plan.getStatus() == PlanStatus.PROPOSED) {
            showDecision(plan);
        }
    }

    /** A client viewer approves the proposed version or sends it back with a comment. */
    private void showDecision(MediaPlan plan) {
        decision.setVisible(true);
        TextArea comment = new TextArea(getTranslation("plans.decision.comment"));
        comment.setId("plan-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setManualValidation(true);
        Button approve = new Button(getTranslation("plans.action.approve"), e -> decide(plan, true, comment));
        approve.setId("plan-approve");
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        Button sendBack = new Button(getTranslation("plans.action.sendBack"), e -> decide(plan, false, comment));
        sendBack.setId("plan-send-back");
        decision.add(comment, new HorizontalLayout(approve, sendBack));
    }

    private void decide(MediaPlan plan, boolean approve, TextArea comment) {
        comment.setInvalid(false);
        try {
            MediaPlan decided = approve ? plans.approve(plan.getId(), comment.getValue())
                    : plans.sendBack(plan.getId(), comment.getValue());
            Notifications.success(getTranslation(approve ? "plans.approved" : "plans.sentBack", decided.displayName()));
            reload(decided);
        } catch (CampaignException ex) {
            String key = ex.errors().get("comment");
            if (key != null) {
                comment.setErrorMessage(getTranslation(key));
                comment.setInvalid(true);
            } else {
                Notifications.error(getTranslation(ex.messageKey()));
            }
        } catch (ObjectOptimisticLockingFailureException ex) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    private void reload(MediaPlan plan) {
        versions = plans.versions(campaign.getId());
        show(plan.getId());
    }

    private void showSummary(PlanTotals totals) {
        summary.removeAll();
        summary.add(card("plan-card-budget", "plans.summary.budget", view.hasBudget()
                ? PlanTexts.money(totals.budget(), getLocale()) : getTranslation("plans.noBudget.short")));
        summary.add(card("plan-card-media", "plans.summary.media", PlanTexts.money(totals.mediaCost(), getLocale())));
        summary.add(card("plan-card-fee", "plans.summary.fee", PlanTexts.money(totals.agencyFee(), getLocale())));
        summary.add(card("plan-card-total", "plans.summary.total", PlanTexts.money(totals.grandTotal(), getLocale())));
        if (view.hasBudget()) {
            Div remaining = card("plan-card-remaining", "plans.summary.remaining",
                    PlanTexts.money(totals.remainingBudget(), getLocale()));
            if (view.overBudget()) {
                remaining.getStyle().set("color", "var(--lumo-error-text-color, #9b1c1c)")
                        .set("border-color", "var(--lumo-error-color, #c62828)");
            }
            summary.add(remaining);
        }
        overBudget.setVisible(view.overBudget());
        overBudget.setText(view.overBudget()
                ? getTranslation("plans.overBudget", PlanTexts.money(totals.overBudgetAmount(), getLocale())) : "");
    }

    private Div card(String id, String labelKey, String amount) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("plan-card");
        card.getStyle().set("flex", "1 1 8rem").set("min-width", "0").set("padding", "0.6rem 1rem").set("border-radius", "10px")
                .set("border", "1px solid var(--lumo-contrast-20pct, #ddd)").set("background", "var(--lumo-base-color, #fff)");
        Span label = new Span(getTranslation(labelKey));
        label.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("color", "var(--lumo-secondary-text-color, #555)");
        Span value = new Span(amount);
        value.addClassName("plan-card-value");
        value.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xl, 1.375rem)")
                .set("font-weight", "700").set("white-space", "nowrap").set("font-variant-numeric", "tabular-nums");
        card.add(label, value);
        return card;
    }

    private void openLine(PlanLineItem line) {
        new PlanLineForm(plans, campaign, line, syncedCampaigns, getLocale(), saved -> {
            Notifications.success(getTranslation("plans.line.saved"));
            show(view.plan().getId());
        }).open();
    }

    private void move(PlanLineItem line, int delta) {
        int index = view.lines().indexOf(line);
        if (index < 0 || index + delta < 0 || index + delta >= view.lines().size()) {
            return;
        }
        run(() -> plans.moveLine(line.getId(), index + delta));
    }

    private void confirmDelete(PlanLineItem line) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("plan-delete-dialog");
        confirm.setHeader(getTranslation("plans.line.delete.title"));
        confirm.setText(getTranslation("plans.line.delete.text", line.getPosition(),
                getTranslation(PlanTexts.channelKey(line.getChannel())), Objects.toString(line.getPlacement(), "")));
        Button yes = new Button(getTranslation("plans.line.delete"), ev -> {
            confirm.close();
            run(() -> plans.deleteLine(line.getId()));
        });
        yes.setId("plan-delete-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void confirmPropose(MediaPlan plan) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("plan-propose-dialog");
        confirm.setHeader(getTranslation("plans.propose.title", plan.displayName()));
        confirm.setText(getTranslation("plans.propose.text"));
        Button yes = new Button(getTranslation("plans.action.propose"), ev -> {
            confirm.close();
            try {
                MediaPlan proposed = plans.propose(plan.getId());
                Notifications.success(getTranslation("plans.proposed", proposed.displayName()));
                reload(proposed);
            } catch (CampaignException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
            }
        });
        yes.setId("plan-propose-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setConfirmButton(yes);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void openNewVersion(MediaPlan from) {
        Dialog dialog = new Dialog();
        dialog.setId("plan-new-version-dialog");
        dialog.setHeaderTitle(getTranslation("plans.newVersion.title", from.displayName()));
        TextField label = new TextField(getTranslation("plans.settings.label"));
        label.setId("new-version-label");
        label.setPlaceholder(getTranslation("plans.settings.label.placeholder"));
        label.setMaxLength(200);
        label.setWidthFull();
        Paragraph help = new Paragraph(getTranslation("plans.newVersion.text", from.displayName()));
        dialog.add(help, label);
        Button create = new Button(getTranslation("plans.newVersion.create"), e -> {
            try {
                MediaPlan created = plans.newVersion(from.getId(), label.getValue());
                dialog.close();
                Notifications.success(getTranslation("plans.newVersion.created", created.displayName()));
                navigateTo(created);
            } catch (CampaignException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
            }
        });
        create.setId("new-version-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), create);
        dialog.setWidth("min(30rem, 96vw)");
        dialog.open();
    }

    private void run(Runnable change) {
        try {
            change.run();
        } catch (CampaignException ex) {
            Notifications.error(getTranslation(ex.messageKey()));
        } catch (ObjectOptimisticLockingFailureException ex) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
        show(view.plan().getId());
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("plans.title.short") : getTranslation("plans.title", campaign.getName());
    }
}
