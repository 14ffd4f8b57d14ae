package com.campagne.base.db;

import com.campagne.base.secrets.LocalSecrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The zero-set-up database: a PostgreSQL server started from Maven-shipped binaries, its cluster
 * kept in {@code <data-dir>/postgres} between runs, on a free port, stopped with the app.
 * It gets the same two roles as production: an owner that migrates and an app role that owns nothing.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "campagne";
    static final String OWNER_ROLE = "campagne_owner";
    static final String APP_ROLE = "campagne_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabaseSettings settings;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DatabaseSettings settings) {
        this.postgres = postgres;
        this.settings = settings;
    }

    public static EmbeddedPostgresServer start(Path dataDir, LocalSecrets secrets) {
        Path cluster = dataDir.resolve("postgres");
        refuseIfHeldByAnotherProcess(cluster);
        try {
            Files.createDirectories(cluster);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("max_connections", "60")
                    .start();
            String ownerPassword = secrets.getOrCreate("db.owner.password");
            String appPassword = secrets.getOrCreate("db.app.password");
            prepareRolesAndDatabase(postgres, ownerPassword, appPassword);
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            log.info("Embedded PostgreSQL ready on port {} with data in {} ({} ms)", postgres.getPort(), cluster,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedPostgresServer(postgres,
                    new DatabaseSettings(url, APP_ROLE, appPassword, OWNER_ROLE, ownerPassword));
        } catch (IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL could not start in " + cluster
                    + ": " + e.getMessage() + ". Check that the folder is writable, or set CAMPAGNE_DB_URL"
                    + " to use a PostgreSQL server.", e);
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL");
        postgres.close();
    }

    /** A cluster whose postmaster is still alive belongs to another running Campagne: say so plainly. */
    private static void refuseIfHeldByAnotherProcess(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("The data directory " + cluster + " is in use by another"
                        + " PostgreSQL (pid " + pid + "), probably another Campagne still running. Stop it, or"
                        + " start this one with another CAMPAGNE_DATA_DIR. If no Campagne runs any more, that"
                        + " PostgreSQL was left behind by a crash: stop it with `kill " + pid + "`.");
            }
            // A pid file left by a crash: PostgreSQL recovers and removes it by itself.
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {}; PostgreSQL will decide whether the cluster is free", pidFile);
        }
    }

    private static void prepareRolesAndDatabase(EmbeddedPostgres postgres, String ownerPassword,
                                                String appPassword) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            ensureRole(c, OWNER_ROLE, ownerPassword, "LOGIN NOSUPERUSER NOCREATEROLE");
            ensureRole(c, APP_ROLE, appPassword, "LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS");
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, DATABASE);
                exists = ps.executeQuery().next();
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Connection c, String role, String password, String options) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            exists = ps.executeQuery().next();
        }
        // Role names are constants; the password is generated by us (hex), so it is safe in DDL,
        // which takes no bind parameters.
        try (Statement s = c.createStatement()) {
            s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " " + options
                    + " PASSWORD '" + password + "'");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
