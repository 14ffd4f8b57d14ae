package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code faulty-crash}: reads the range day by day, {@value #CAMPAIGNS} rows a day, checkpointing the
 * day ({@code 2026-11-22}) after each. With {@code crashAfterDays} = N, a full read (no state) emits
 * N days, then the first rows of the next day without checkpoint, then dies with an {@link Error}.
 * An incremental read never crashes, so resuming from the last state completes the range: the host
 * must keep the N checkpointed days, drop or replace the uncommitted rows, and duplicate nothing.
 */
@Extension
public class CrashingConnector extends FaultyConnector {

    /** Rows per day, one per campaign. */
    static final int CAMPAIGNS = 3;

    public CrashingConnector() {
        super("faulty-crash", Text.of("Panne : arrêt brutal", "Fault: crash"),
                Text.of("S’arrête brutalement au milieu d’une journée ; la reprise complète la lecture.",
                        "Stops abruptly in the middle of a day; resuming completes the read."));
    }

    @Override
    List<SettingField> faultSettings() {
        return List.of(number("crashAfterDays", "Arrêt après (jours)", "Crash after (days)", null, 1)
                .help(Text.of("Vide : pas d’arrêt.", "Empty: no crash.")));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        Integer crashAfter = request.incremental() ? null
                : request.settings().number("crashAfterDays").map(n -> n.intValue()).orElse(null);
        LocalDate from = request.incremental() ? LocalDate.parse(request.state()).plusDays(1) : request.from();
        int read = 0;
        for (LocalDate day = from; !day.isAfter(request.to()); day = day.plusDays(1)) {
            if (crashAfter != null && read == crashAfter) {
                sink.accept(row(ACCOUNT_ID, day, 1));
                sink.accept(row(ACCOUNT_ID, day, 2));
                throw new Error("Simulated crash in the middle of " + day);
            }
            for (int campaign = 1; campaign <= CAMPAIGNS; campaign++) {
                sink.accept(row(ACCOUNT_ID, day, campaign));
            }
            sink.checkpoint(day.toString());
            read++;
        }
    }
}
