package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AdRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code faulty-garbage}: among two valid rows, emits records the host must reject — negative
 * clicks, an unknown country, a cost without currency, missing fields, a null measures object, and
 * records of streams nobody asked for — then checkpoints as if all went well.
 */
@Extension
public class GarbageConnector extends FaultyConnector {

    /** How many valid rows {@link #read} emits; every other record is invalid or unasked for. */
    static final int VALID_ROWS = 2;
    /** How many invalid or unasked-for records {@link #read} emits. */
    static final int GARBAGE = 8;

    public GarbageConnector() {
        super("faulty-garbage", Text.of("Panne : données invalides", "Fault: invalid data"),
                Text.of("Envoie des lignes invalides parmi des lignes correctes.",
                        "Sends invalid rows among valid ones."));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        LocalDate day = request.from();
        sink.accept(row(ACCOUNT_ID, day, 1));
        sink.accept(MetricRow.daily(day, ACCOUNT_ID, "cmp-2", Channel.SEARCH, "EUR",
                Measures.builder().impressions(1_000).clicks(-5).build()));
        sink.accept(new MetricRow(day, null, ACCOUNT_ID, "cmp-3", null, null, Channel.SEARCH, null, "XX", "EUR",
                Measures.builder().impressions(800).clicks(12).build()));
        sink.accept(MetricRow.daily(day, ACCOUNT_ID, "cmp-4", Channel.SEARCH, null,
                Measures.builder().clicks(30).cost(new BigDecimal("12.30")).build()));
        sink.accept(MetricRow.daily(null, ACCOUNT_ID, "cmp-5", Channel.SEARCH, "EUR", Measures.NONE));
        sink.accept(MetricRow.daily(day, null, "cmp-6", Channel.SEARCH, "EUR", Measures.builder().clicks(3).build()));
        sink.accept(MetricRow.daily(day, ACCOUNT_ID, "cmp-7", Channel.SEARCH, "EUR", null));
        // Streams the request did not ask for (it asks for daily metrics), one of them invalid too.
        sink.accept(new CampaignRecord(ACCOUNT_ID, null, "Campagne sans identifiant", EntityStatus.ACTIVE,
                Channel.SEARCH, null, null));
        sink.accept(new AdRecord(ACCOUNT_ID, "cmp-1", null, "ad-1", "Bannière 300x250", "300x250",
                EntityStatus.ACTIVE));
        sink.accept(row(ACCOUNT_ID, day, 8));
        sink.checkpoint(day.toString());
    }
}
