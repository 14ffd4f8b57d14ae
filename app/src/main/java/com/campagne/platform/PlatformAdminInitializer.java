package com.campagne.platform;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.secrets.LocalSecrets;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Creates the installation's operator on first start from {@code CAMPAGNE_ADMIN_EMAIL} and
 * {@code CAMPAGNE_ADMIN_PASSWORD}. Without a password, one is generated and written to
 * {@code <data-dir>/initial-admin-password} (never to the log).
 */
@Component
class PlatformAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformAdminInitializer.class);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TenantTransactions transactions;
    private final CampagneProperties properties;
    private final Clock clock;

    PlatformAdminInitializer(UserRepository users, PasswordEncoder passwordEncoder, TenantTransactions transactions,
                             CampagneProperties properties, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean exists = transactions.inScope(new TenantContext.Scope(null, null, null), users::existsByPlatformAdminTrue);
        if (exists) {
            return;
        }
        String password = properties.admin().password();
        Path file = properties.dataDir().resolve("initial-admin-password");
        if (password == null || password.isBlank()) {
            password = new LocalSecrets(properties.dataDir()).getOrCreate("initial-admin-password").substring(0, 24);
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + System.lineSeparator());
        }
        String hash = passwordEncoder.encode(password);
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User admin = users.findByEmail(properties.admin().email()).orElseGet(() -> new User(properties.admin().email(),
                    hash, "Administrateur", "fr", clock.instant()));
            admin.setPlatformAdmin(true);
            admin.markEmailVerified(clock.instant());
            users.save(admin);
        });
        log.info("Platform administrator {} created{}", properties.admin().email(),
                properties.admin().password() == null ? "; its password is in " + file : "");
    }
}
