package com.campagne.analytics;

import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveFixture;
import com.campagne.plans.objectives.ObjectiveService;
import com.campagne.plans.objectives.Perspective;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plan versus actual and the measured scorecard stay inside their tenant, and inside a client viewer's grants:
 * another organisation (or a viewer of another client) finds neither the campaign's figures nor its
 * objectives. Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
class PlanVsActualIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired PlanVsActualService planVsActual;
    @Autowired ObjectiveProgressService progress;
    @Autowired ObjectiveService objectives;
    @Autowired ClientService clients;

    @Test
    void anotherTenantAndAViewerOfAnotherClientSeeNothing() throws Exception {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        CampagneUser ownerA = fixture.owner("Agence Alpha " + suffix);
        DemoLinkedCampaign demo = DemoLinkedCampaign.create(context, ownerA, "Fromagerie Alpha", "Automne");
        as(ownerA, () -> {
            Objective o = objectives.draft(demo.clientId());
            o.setTitle("Plus de clics");
            o.setPerspective(Perspective.CUSTOMER);
            o.setMetric(Kpi.CLICKS);
            o.setTargetValue(new BigDecimal("100000"));
            o.setDeadline(demo.end());
            o.setCampaignId(demo.campaignId());
            return objectives.save(o);
        });
        // The owner sees it all, so the checks below are not empty for want of data.
        assertThat(as(ownerA, () -> planVsActual.of(demo.campaignId())).orElseThrow().actualToDate()).isPositive();
        assertThat(as(ownerA, () -> progress.progress(demo.clientId(), null))).singleElement()
                .satisfies(p -> assertThat(p.measured()).isPositive());

        CampagneUser ownerB = fixture.owner("Agence Beta " + suffix);
        assertThat(as(ownerB, () -> planVsActual.of(demo.campaignId()))).isEmpty();
        assertThat(as(ownerB, () -> planVsActual.detail(demo.campaignId(), Locale.FRENCH))).isEmpty();
        assertThatThrownBy(() -> as(ownerB, () -> progress.progress(demo.clientId(), null)))
                .isInstanceOf(ClientService.ClientNotFoundException.class);
        assertThatThrownBy(() -> as(ownerB, () -> progress.progress(demo.clientId(), demo.campaignId())))
                .isInstanceOf(ClientService.ClientNotFoundException.class);

        // A client viewer of the same agency granted only another client.
        UUID otherClient = as(ownerA, () -> clients.save(new Client("Garage Alpha"))).getId();
        CampagneUser viewer = fixture.member(ownerA, Role.CLIENT_VIEWER, "Lou Lecteur", otherClient);
        assertThat(as(viewer, () -> planVsActual.of(demo.campaignId()))).isEmpty();
        assertThat(as(viewer, () -> planVsActual.detail(demo.campaignId(), Locale.FRENCH))).isEmpty();
        assertThatThrownBy(() -> as(viewer, () -> progress.progress(demo.clientId(), null)))
                .isInstanceOf(ClientService.ClientNotFoundException.class);
        assertThat(as(viewer, () -> progress.progress(otherClient, null))).isEmpty();
    }
}
