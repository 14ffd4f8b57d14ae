package com.campagne.connectors.connections;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.connectors.api.Settings;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads connections for the sync engine, which has no session: always inside the given tenant's
 * scope (so another tenant's connection id finds nothing), secrets decrypted for the call, files
 * read into memory, a rotated secret stored encrypted again.
 */
@Component
class StoredConnectionTargets implements ConnectionTargets {

    private final TenantTransactions transactions;
    private final ConnectionRepository connections;
    private final ConnectionAccountRepository accounts;
    private final ConnectionFileRepository files;
    private final ConnectionSecrets secrets;
    private final ConnectionService service;

    StoredConnectionTargets(TenantTransactions transactions, ConnectionRepository connections,
                            ConnectionAccountRepository accounts, ConnectionFileRepository files,
                            ConnectionSecrets secrets, ConnectionService service) {
        this.transactions = transactions;
        this.connections = connections;
        this.accounts = accounts;
        this.files = files;
        this.secrets = secrets;
        this.service = service;
    }

    @Override
    public Optional<ConnectionTarget> load(UUID tenantId, UUID connectionId) {
        if (tenantId == null || connectionId == null) {
            return Optional.empty();
        }
        return transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> connections.findById(connectionId)
                .filter(c -> tenantId.equals(c.getTenantId()))
                .filter(c -> c.getStatus() == ConnectionStatus.ACTIVE)
                .map(c -> {
                    Map<String, Settings.SettingFile> settingFiles = new HashMap<>();
                    files.findByConnection(connectionId).forEach(f -> settingFiles.put(f.getSettingKey(),
                            ConnectionService.memoryFile(f.getFileName(), f.getContent())));
                    Set<String> accountIds = accounts.findByConnection(connectionId).stream()
                            .map(ConnectionAccount::getAccountId).collect(Collectors.toSet());
                    Map<String, String> open = secrets.open(tenantId, connectionId, c.getSecretsCiphertext());
                    return new ConnectionTarget(tenantId, c.getClientId(), connectionId, c.getConnectorId(),
                            new Settings(c.getSettings(), settingFiles),
                            new StoredSecrets(tenantId, connectionId, open, service::storeRotatedSecret),
                            accountIds, c.getSchedule());
                }));
    }

    @Override
    public ConnectionTarget beforeCall(ConnectionTarget target) {
        return service.freshen(target);
    }
}
