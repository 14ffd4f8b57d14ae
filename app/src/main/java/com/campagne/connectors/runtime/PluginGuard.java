package com.campagne.connectors.runtime;

import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every call into plugin code goes through here (the Jenkins/Grafana lesson): it runs on its own
 * virtual thread with a time-out, and whatever escapes — a typed {@link ConnectorException}, any
 * other exception, a {@link LinkageError} from a plugin built against another API, a hang — comes
 * back as a {@link ConnectorException} the caller can show, never as a broken request or a stuck
 * scheduler thread.
 */
public final class PluginGuard {

    private static final Logger log = LoggerFactory.getLogger(PluginGuard.class);
    private static final ExecutorService CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("plugin-call-", 0).factory());

    private PluginGuard() {
    }

    /**
     * Calls plugin code.
     *
     * @param what    what is called, for the logs ({@code google-ads.check})
     * @param timeout how long the call may take; it is interrupted and abandoned after that
     * @param call    the call
     * @return the call's result
     * @throws ConnectorException whatever went wrong, typed
     */
    public static <T> T call(String what, Duration timeout, Callable<T> call) {
        Future<T> future = CALLS.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("Plugin call {} did not answer within {} and was abandoned", what, timeout);
            throw new TransientException(Text.of(
                    "Le connecteur n’a pas répondu à temps (" + timeout.toSeconds() + " s).",
                    "The connector did not answer in time (" + timeout.toSeconds() + " s)."), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("L’opération a été interrompue.", "The operation was interrupted."), e);
        } catch (ExecutionException e) {
            throw typed(what, e.getCause());
        }
    }

    /** Calls plugin code that returns nothing. */
    public static void run(String what, Duration timeout, Runnable call) {
        call(what, timeout, () -> {
            call.run();
            return null;
        });
    }

    /** The failure as the user should see it: typed errors pass through, anything else is a plugin fault. */
    static ConnectorException typed(String what, Throwable failure) {
        if (failure instanceof ConnectorException typed) {
            return typed;
        }
        log.warn("Plugin call {} failed unexpectedly", what, failure);
        if (failure instanceof LinkageError) {
            return new PermanentException(Text.of(
                    "Ce connecteur n’est pas compatible avec cette version de Campagne : mettez-le à jour.",
                    "This connector is not compatible with this version of Campagne: update it."), failure);
        }
        return new PermanentException(Text.of(
                "Le connecteur a rencontré une erreur interne (" + failure.getClass().getSimpleName() + ").",
                "The connector hit an internal error (" + failure.getClass().getSimpleName() + ")."), failure);
    }
}
