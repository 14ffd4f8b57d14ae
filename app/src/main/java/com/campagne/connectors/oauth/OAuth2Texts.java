package com.campagne.connectors.oauth;

import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.Text;

/** The flow's messages, in both languages (they also end up in sync runs and connection messages). */
final class OAuth2Texts {

    private OAuth2Texts() {
    }

    static Text reauthorize(ConnectorSpec spec) {
        return Text.of("Reconnectez le compte " + spec.name().fr() + "\u00a0: l’autorisation a expiré ou a été retirée.",
                "Reconnect the " + spec.name().en() + " account: the authorisation has expired or was withdrawn.");
    }

    static Text notConfigured(ConnectorSpec spec) {
        String prefix = OAuth2Clients.propertyPrefix(spec.id());
        return Text.of("L’administrateur de la plateforme doit d’abord enregistrer Campagne auprès de "
                        + spec.name().fr() + " (réglages " + prefix + ".client-id et " + prefix + ".client-secret).",
                "The platform administrator must first register Campagne with " + spec.name().en()
                        + " (settings " + prefix + ".client-id and " + prefix + ".client-secret).");
    }

    static Text refused(ConnectorSpec spec, String error) {
        return Text.of(spec.name().fr() + " refuse l’autorisation (" + error + ").",
                spec.name().en() + " refuses the authorisation (" + error + ").");
    }

    static Text denied(ConnectorSpec spec) {
        return Text.of("Vous avez refusé l’accès sur " + spec.name().fr() + "\u00a0: le compte n’est pas connecté.",
                "You declined access on " + spec.name().en() + ": the account is not connected.");
    }

    static Text providerError(ConnectorSpec spec, String error) {
        return Text.of(spec.name().fr() + " a interrompu l’autorisation (" + error + ")\u00a0: réessayez.",
                spec.name().en() + " interrupted the authorisation (" + error + "): try again.");
    }

    static Text unavailable(ConnectorSpec spec) {
        return Text.of(spec.name().fr() + " ne répond pas pour le moment\u00a0: réessayez dans quelques minutes.",
                spec.name().en() + " is not answering right now: try again in a few minutes.");
    }

    static Text badState() {
        return Text.of("Ce retour d’autorisation n’est pas valable (lien expiré, déjà utilisé ou d’une autre session)\u00a0: "
                        + "cliquez à nouveau sur le bouton de connexion.",
                "This authorisation answer is not valid (expired, already used or from another session): "
                        + "click the sign-in button again.");
    }
}
