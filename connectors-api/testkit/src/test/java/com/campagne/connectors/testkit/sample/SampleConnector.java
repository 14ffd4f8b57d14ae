package com.campagne.connectors.testkit.sample;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A connector with two accounts that behaves well unless told to commit some faults. */
public class SampleConnector implements Connector {

    /** What the connector may do wrong. */
    public enum Fault {
        /** check throws a NullPointerException on refused credentials. */
        UNTYPED_ERROR,
        /** Figures change from one read to the next. */
        UNSTABLE_FIGURES,
        /** Rows of an account not asked for. */
        OTHER_ACCOUNT,
        /** A negative click count. */
        NEGATIVE_CLICKS,
        /** Never checkpoints. */
        NO_CHECKPOINT,
        /** An incremental read re-reads the whole range with other figures. */
        INCREMENTAL_IGNORES_STATE,
        /** A version that is not semantic, and an English-only name. */
        SLOPPY_SPEC,
        /** Two settings of a group at the same position. */
        CLASHING_ORDER
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicLong READS = new AtomicLong();

    private final Set<Fault> faults;

    /**
     * @param faults what to do wrong
     */
    public SampleConnector(Set<Fault> faults) {
        this.faults = Set.copyOf(faults);
    }

    @Override
    public ConnectorSpec spec() {
        boolean sloppy = faults.contains(Fault.SLOPPY_SPEC);
        return new ConnectorSpec("sample", Text.of(sloppy ? " " : "Exemple", "Sample"),
                Text.of("Pour tester le kit.", "To test the kit."),
                sloppy ? "1.0" : "1.0.0", Category.AD_NETWORK, null, null,
                List.of(SettingField.text("accountName", Text.of("Nom", "Name")).asRequired().defaultValue("Exemple")
                                .group(Text.of("Compte", "Account"), faults.contains(Fault.CLASHING_ORDER) ? 2 : 1),
                        SettingField.secret("apiKey", Text.of("Clé", "Key")).asRequired().group(Text.of("Compte", "Account"), 2)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        if ("revoked".equals(context.secrets().get("apiKey"))) {
            if (faults.contains(Fault.UNTYPED_ERROR)) {
                throw new NullPointerException("token");
            }
            throw new AuthenticationExpiredException();
        }
        return CheckResult.ok("Connecté.", "Connected.");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        check(context, settings);
        return new Catalog(List.of(new AccountRecord("acc-1", "Compte 1", "EUR", PARIS),
                new AccountRecord("acc-2", "Compte 2", "EUR", PARIS)), Set.of(Stream.ACCOUNTS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        check(context, request.settings());
        long read = READS.incrementAndGet();
        boolean ignoreState = faults.contains(Fault.INCREMENTAL_IGNORES_STATE) && request.incremental();
        LocalDate from = request.incremental() && !ignoreState ? LocalDate.parse(request.state()).plusDays(1)
                : request.from();
        for (String account : List.of("acc-1", "acc-2")) {
            if (request.accountIds().contains(account) || faults.contains(Fault.OTHER_ACCOUNT)) {
                sink.accept(new AccountRecord(account, "Compte", "EUR", PARIS));
            }
        }
        for (LocalDate day = from; !day.isAfter(request.to()); day = day.plusDays(1)) {
            for (String account : List.of("acc-1", "acc-2")) {
                if (!request.accountIds().contains(account)) {
                    continue;
                }
                long clicks = day.getDayOfMonth() * 3L
                        + (faults.contains(Fault.UNSTABLE_FIGURES) || ignoreState ? read : 0);
                if (faults.contains(Fault.NEGATIVE_CLICKS)) {
                    clicks = -clicks;
                }
                sink.accept(MetricRow.daily(day, account, "cmp-1", Channel.SEARCH, "EUR",
                        Measures.builder().clicks(clicks).cost(BigDecimal.TEN).build()));
            }
            if (!faults.contains(Fault.NO_CHECKPOINT)) {
                sink.checkpoint(day.toString());
            }
        }
    }
}
