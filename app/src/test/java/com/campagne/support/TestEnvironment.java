package com.campagne.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every integration test of this JVM shares: one data directory (so one embedded PostgreSQL
 * for all Spring contexts that look alike) and one real in-process SMTP server.
 *
 * <p>With {@code -Dcampagne.test.db.url=…} (plus {@code .user}, {@code .password}, {@code .owner-user},
 * {@code .owner-password}) the tests run against that PostgreSQL server instead, as in production:
 * migrations as the owner, the app as a role that owns no table.
 */
public final class TestEnvironment {

    public static final Path DATA_DIR;
    public static final GreenMail MAIL;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("campagne-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MAIL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MAIL::stop));
    }

    private TestEnvironment() {
    }

    public static String externalDbUrl() {
        return System.getProperty("campagne.test.db.url", "");
    }

    public static boolean externalDb() {
        return !externalDbUrl().isBlank();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
