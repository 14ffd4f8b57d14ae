package com.campagne.plugins.faulty;

import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

import java.time.Duration;
import java.util.List;

/**
 * {@code faulty-hangs}: {@code check} and {@code read} sleep in a loop, as a plugin stuck on a
 * socket without time-out. By default it swallows interrupts (the worst case the host must survive);
 * the {@code interruptible} setting makes it stop when interrupted. It gives up on its own after
 * {@code maxMinutes} so a test JVM does not keep the thread for ever.
 */
@Extension
public class HangingConnector extends FaultyConnector {

    public HangingConnector() {
        super("faulty-hangs", Text.of("Panne : blocage", "Fault: hang"),
                Text.of("Ne répond jamais : la vérification et la lecture bloquent.",
                        "Never answers: check and read block."));
    }

    @Override
    List<SettingField> faultSettings() {
        return List.of(
                SettingField.choice("interruptible", Text.of("S’arrête si interrompu", "Stops when interrupted"),
                                List.of(Choice.of("no", "Non", "No"), Choice.of("yes", "Oui", "Yes")))
                        .defaultValue("no").group(Text.of("Panne", "Fault"), 1),
                number("maxMinutes", "Abandon après (minutes)", "Gives up after (minutes)", "10", 2));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        hang(settings);
        return super.check(context, settings);
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        hang(request.settings());
    }

    private static void hang(Settings settings) {
        boolean interruptible = "yes".equals(settings.find("interruptible").orElse("no"));
        long deadline = System.nanoTime() + Duration.ofMinutes(intSetting(settings, "maxMinutes", 10)).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                if (interruptible) {
                    Thread.currentThread().interrupt();
                    return;
                }
                // Swallowed on purpose: this is the plugin the host cannot stop.
            }
        }
    }
}
