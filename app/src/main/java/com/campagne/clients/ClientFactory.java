package com.campagne.clients;

import java.time.Instant;

/** Creates clients outside the client screens (sign-up of a business creates its own). */
public final class ClientFactory {

    private ClientFactory() {
    }

    public static Client create(String name, Instant now) {
        Client client = new Client(name);
        client.touch(now);
        return client;
    }
}
