package com.campagne.connectors.oauth;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.OAuth2Spec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * {@code oauth-echo}: a connector that declares an OAuth 2 account and does what provider plugins do with
 * it: call {@code <baseUrl>/me} with the access token as a Bearer token ({@code secrets.get("account")}),
 * failing with {@link AuthenticationExpiredException} on 401. Its provider is {@link ProviderStub}.
 */
public class OAuthEchoConnector implements Connector {

    public static final String ID = "oauth-echo";
    public static final String KEY = "account";
    public static final String ACCOUNT_ID = "echo-1";

    private final String base;

    OAuthEchoConnector(String base) {
        this.base = base;
    }

    /** Makes the connector available, its provider being the stub at that address. */
    static void register(ConnectorCatalog catalog, String stubBase) {
        catalog.register(ConnectorHandle.of("oauth-test", new OAuthEchoConnector(stubBase)));
    }

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, Text.of("Écho OAuth", "OAuth Echo"),
                Text.of("Un fournisseur imaginaire qui demande une connexion OAuth 2.",
                        "An imaginary provider that asks for an OAuth 2 sign-in."),
                "1.0.0", Category.AD_NETWORK, null, null,
                List.of(SettingField.oauth2Account(KEY, Text.of("Compte Écho", "Echo account")).asRequired(),
                        SettingField.url("baseUrl", Text.of("Adresse de l’API", "API address")).defaultValue(base)),
                new OAuth2Spec(URI.create(base + "/authorize"), URI.create(base + "/token"),
                        List.of("ads.read", "profile")));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        String name = me(context, settings);
        return CheckResult.ok("Connecté en tant que " + name, "Connected as " + name);
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        me(context, settings);
        return new Catalog(List.of(new AccountRecord(ACCOUNT_ID, "Compte Écho", "EUR", ZoneId.of("Europe/Paris"))),
                Set.of(Stream.ACCOUNTS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        me(context, request.settings());
        sink.accept(MetricRow.daily(request.to(), ACCOUNT_ID, "echo-campaign", Channel.SEARCH, "EUR",
                Measures.builder().impressions(1000L).clicks(40L).cost(new BigDecimal("12.50")).build()));
        sink.checkpoint("done");
    }

    private static String me(ConnectorContext context, Settings settings) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.get("baseUrl") + "/me"))
                .header("Authorization", "Bearer " + context.secrets().get(KEY)).GET().build();
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientException(Text.of("Écho ne répond pas.", "Echo does not answer."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Interrompu.", "Interrupted."), e);
        }
        if (response.statusCode() == 401) {
            throw new AuthenticationExpiredException(Text.of("Écho refuse le jeton d’accès.",
                    "Echo refuses the access token."), null);
        }
        if (response.statusCode() != 200) {
            throw new PermanentException(Text.of("Écho répond " + response.statusCode(),
                    "Echo answers " + response.statusCode()), null);
        }
        return response.body().replaceAll(".*\"name\"\\s*:\\s*\"([^\"]*)\".*", "$1").trim();
    }
}
