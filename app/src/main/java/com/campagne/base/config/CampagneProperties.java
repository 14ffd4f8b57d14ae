package com.campagne.base.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Installation settings ({@code campagne.*}), each with a working default so that the app starts
 * with no configuration at all.
 *
 * @param dataDir  where the embedded database, secrets, mail outbox, logs and plugins live
 * @param baseUrl  the address users reach the app at, used in links sent by e-mail; when unset,
 *                 the address of the request that triggers the mail
 * @param mailFrom sender of the app's e-mails
 * @param admin    the installation-wide operator created on first start
 * @param session  session time-outs
 * @param plugins  where the connector plugins live ({@code CAMPAGNE_PLUGINS_DIR}, default {@code <data-dir>/plugins})
 */
@ConfigurationProperties("campagne")
public record CampagneProperties(Path dataDir, String baseUrl, String mailFrom, Admin admin, Session session,
                                 Plugins plugins) {

    public CampagneProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Campagne <no-reply@campagne.local>" : mailFrom;
        admin = admin == null ? new Admin(null, null) : admin;
        session = session == null ? new Session(null) : session;
        plugins = plugins == null || plugins.dir() == null ? new Plugins(dataDir.resolve("plugins")) : plugins;
    }

    /** The base of links sent by e-mail: the configured address, else the current request's, else localhost. */
    public String linkBase() {
        if (baseUrl != null) {
            return baseUrl;
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() != null) {
            return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                    .build().toUriString();
        }
        return "http://localhost:8080";
    }

    /** {@code CAMPAGNE_ADMIN_EMAIL} / {@code CAMPAGNE_ADMIN_PASSWORD}; without a password one is generated. */
    public record Admin(String email, String password) {
        public Admin {
            email = email == null || email.isBlank() ? "admin@campagne.local" : email;
        }
    }

    /** A session ends after this long whatever the activity (the idle time-out is server.servlet.session.timeout). */
    public record Session(Duration absoluteTimeout) {
        public Session {
            absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
        }
    }

    /** {@code campagne.plugins.dir}: the PF4J plugins directory (plugin jars, disabled.txt). */
    public record Plugins(Path dir) {
    }
}
