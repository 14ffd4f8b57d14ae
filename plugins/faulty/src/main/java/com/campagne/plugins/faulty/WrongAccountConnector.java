package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import org.pf4j.Extension;

import java.time.LocalDate;

/**
 * {@code faulty-wrong-account}: alongside good rows of the requested account, emits rows (and the
 * account record) of {@value #INTRUDER}, an account it was not asked for — as a connector that
 * forgets to filter a manager account's children.
 */
@Extension
public class WrongAccountConnector extends FaultyConnector {

    /** The account nobody asked for. */
    static final String INTRUDER = "faulty-intruder";

    public WrongAccountConnector() {
        super("faulty-wrong-account", Text.of("Panne : mauvais compte", "Fault: wrong account"),
                Text.of("Envoie aussi les lignes d’un compte non demandé.",
                        "Also sends rows of an account that was not asked for."));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        sink.accept(new AccountRecord(INTRUDER, "Compte d’un autre client", "EUR", PARIS));
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            for (String account : request.accountIds()) {
                sink.accept(row(account, day, 1));
            }
            sink.accept(row(INTRUDER, day, 1));
            sink.checkpoint(day.toString());
        }
    }
}
