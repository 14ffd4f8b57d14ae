package com.campagne.plugins.faulty;

import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

/**
 * {@code faulty-flood}: emits valid rows without end (a pagination loop that never stops), until the
 * sink refuses more or the thread is interrupted. It never checkpoints.
 */
@Extension
public class FloodingConnector extends FaultyConnector {

    public FloodingConnector() {
        super("faulty-flood", Text.of("Panne : lignes sans fin", "Fault: endless rows"),
                Text.of("Envoie des lignes sans jamais s’arrêter.", "Sends rows without ever stopping."));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
            // Always new keys, so that nothing replaces anything: the store only grows.
            sink.accept(row(ACCOUNT_ID, request.from().plusDays(n % 3650), (int) (n / 3650) + 1));
        }
    }
}
