package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static com.campagne.plans.CampaignFixture.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Campaign validation (all errors at once), the status workflow and its history. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService service;
    @Autowired AuditService audit;

    CampagneUser owner;
    UUID client;

    @BeforeAll
    void agency() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        owner = CampaignFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY,
                "Agence Campagnes " + run);
        client = as(owner, () -> clients.save(new Client("Boulangerie Martin " + run))).getId();
    }

    @Test
    void aNewCampaignIsADraftInTheTenantCurrencyOwnedByItsCreator() {
        Campaign saved = as(owner, () -> service.save(valid(service, client, "Printemps")));
        assertThat(saved.getStatus()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(saved.getCurrency().trim()).isEqualTo("EUR");
        assertThat(saved.getOwnerId()).isEqualTo(owner.tenant().membershipId());
        Campaign reread = as(owner, () -> service.find(saved.getId())).orElseThrow();
        assertThat(reread.getBudget()).isEqualByComparingTo("12500.50");
        assertThat(reread.getStartDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(as(owner, () -> service.list(client))).extracting(Campaign::getName).contains("Printemps");
        assertThat(as(owner, () -> service.history(saved.getId()))).singleElement()
                .satisfies(h -> {
                    assertThat(h.getFromStatus()).isNull();
                    assertThat(h.getToStatus()).isEqualTo(CampaignStatus.DRAFT);
                    assertThat(h.getChangedByName()).isEqualTo("Camille Test");
                });
        assertThat(as(owner, () -> audit.latest(0, 5))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo(AuditAction.CAMPAIGN_CREATED);
        });
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Campaign broken = as(owner, () -> service.draft(client));
        broken.setName("  ");
        broken.setStartDate(LocalDate.of(2027, 5, 10));
        broken.setEndDate(LocalDate.of(2027, 5, 1));
        broken.setBudget(new BigDecimal("-1"));
        broken.setAgeMin(40);
        broken.setAgeMax(30);
        assertThatThrownBy(() -> as(owner, () -> service.save(broken))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.errors())
                        .containsEntry("name", "campaigns.error.name.required")
                        .containsEntry("objective", "campaigns.error.objective.required")
                        .containsEntry("endDate", "campaigns.error.endDate.beforeStart")
                        .containsEntry("budget", "campaigns.error.budget.negative")
                        .containsEntry("ageMax", "campaigns.error.age.order"));

        Campaign missing = as(owner, () -> service.draft(client));
        missing.setName("Sans dates");
        missing.setObjective(CampaignObjective.SALES);
        missing.setAgeMin(5);
        missing.setBudget(new BigDecimal("10.123"));
        assertThatThrownBy(() -> as(owner, () -> service.save(missing))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.errors())
                        .containsEntry("startDate", "campaigns.error.startDate.required")
                        .containsEntry("endDate", "campaigns.error.endDate.required")
                        .containsEntry("ageMin", "campaigns.error.age.range")
                        .containsEntry("budget", "campaigns.error.budget.invalid")
                        .doesNotContainKey("name"));
        // Nothing was stored.
        assertThat(as(owner, () -> service.list(client))).extracting(Campaign::getName).doesNotContain("Sans dates");

        // An owner who is not a member of the tenant is refused.
        Campaign stranger = as(owner, () -> valid(service, client, "Inconnu"));
        stranger.setOwnerId(UUID.randomUUID());
        assertThatThrownBy(() -> as(owner, () -> service.save(stranger))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("owner"));
    }

    @Test
    void theWorkflowGoesForwardStepByStepAndRecordsWhoAndWhen() {
        UUID id = as(owner, () -> service.save(valid(service, client, "Soldes d’été"))).getId();

        // No skipping: a draft cannot be approved or launched.
        assertThatThrownBy(() -> as(owner, () -> service.changeStatus(id, CampaignStatus.APPROVED, null)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.transition"));
        assertThatThrownBy(() -> as(owner, () -> service.changeStatus(id, CampaignStatus.LIVE, null)))
                .isInstanceOf(CampaignException.class);

        as(owner, () -> service.changeStatus(id, CampaignStatus.PROPOSED, null));
        // Back to draft needs a comment.
        assertThatThrownBy(() -> as(owner, () -> service.changeStatus(id, CampaignStatus.DRAFT, "  ")))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("comment", "campaigns.error.comment.required"));
        as(owner, () -> service.changeStatus(id, CampaignStatus.DRAFT, "Le client veut plus de radio"));
        as(owner, () -> service.changeStatus(id, CampaignStatus.PROPOSED, null));
        as(owner, () -> service.changeStatus(id, CampaignStatus.APPROVED, "Accord reçu par e-mail"));
        assertThatThrownBy(() -> as(owner, () -> service.changeStatus(id, CampaignStatus.DRAFT, "trop tard")))
                .isInstanceOf(CampaignException.class);
        as(owner, () -> service.changeStatus(id, CampaignStatus.LIVE, null));
        Campaign ended = as(owner, () -> service.changeStatus(id, CampaignStatus.ENDED, null));
        assertThat(ended.getStatus()).isEqualTo(CampaignStatus.ENDED);
        assertThatThrownBy(() -> as(owner, () -> service.changeStatus(id, CampaignStatus.LIVE, null)))
                .isInstanceOf(CampaignException.class);
        // An ended campaign is no longer edited.
        Campaign edit = as(owner, () -> service.find(id)).orElseThrow();
        edit.setName("Renommée après coup");
        assertThatThrownBy(() -> as(owner, () -> service.save(edit))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.messageKey()).isEqualTo("campaigns.error.ended"));

        var history = as(owner, () -> service.history(id));
        assertThat(history).extracting(h -> h.getFromStatus() + ">" + h.getToStatus()).containsExactly(
                "null>DRAFT", "DRAFT>PROPOSED", "PROPOSED>DRAFT", "DRAFT>PROPOSED", "PROPOSED>APPROVED",
                "APPROVED>LIVE", "LIVE>ENDED");
        assertThat(history).allSatisfy(h -> {
            assertThat(h.getChangedBy()).isEqualTo(owner.userId());
            assertThat(h.getChangedAt()).isNotNull();
        });
        assertThat(history.get(2).getComment()).isEqualTo("Le client veut plus de radio");
        assertThat(history.get(4).getComment()).isEqualTo("Accord reçu par e-mail");
    }

    @Test
    void aFormCannotMoveTheStatus() {
        Campaign saved = as(owner, () -> service.save(valid(service, client, "Rentrée")));
        Campaign edit = as(owner, () -> service.find(saved.getId())).orElseThrow();
        edit.setStatus(CampaignStatus.LIVE);
        edit.setName("Rentrée 2027");
        Campaign after = as(owner, () -> service.save(edit));
        assertThat(after.getStatus()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(after.getName()).isEqualTo("Rentrée 2027");
    }
}
