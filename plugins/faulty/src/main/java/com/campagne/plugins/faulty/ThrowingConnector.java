package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

import java.util.List;

/** {@code faulty-throws}: emits a few valid rows, then fails with a NullPointerException (a bug). */
@Extension
public class ThrowingConnector extends FaultyConnector {

    public ThrowingConnector() {
        super("faulty-throws", Text.of("Panne : exception", "Fault: exception"),
                Text.of("Lit quelques lignes puis lève une NullPointerException.",
                        "Reads a few rows then throws a NullPointerException."));
    }

    @Override
    List<SettingField> faultSettings() {
        return List.of(number("recordsBeforeFailure", "Lignes avant l’erreur", "Rows before the error", "5", 1));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        int before = intSetting(request.settings(), "recordsBeforeFailure", 5);
        for (int i = 0; i < before; i++) {
            sink.accept(row(ACCOUNT_ID, request.from(), i + 1));
        }
        String missing = null;
        // The bug: an unchecked null from the provider's answer.
        sink.checkpoint("after " + missing.length());
    }
}
