package com.campagne.base.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM through a Tink keyset: bound to its associated data, and rotatable without losing old secrets. */
class CredentialVaultTest {

    static final byte[] SECRET = "mot-de-passe-tres-secret".getBytes(StandardCharsets.UTF_8);
    static final byte[] ROW_A = "tenant-a:connection-1".getBytes(StandardCharsets.UTF_8);
    static final byte[] ROW_B = "tenant-b:connection-1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void theKeysetFileIsMadeOnFirstStartReadableByTheOwnerOnlyAndReusedAfter() throws Exception {
        Path file = dir.resolve("data").resolve(CredentialVault.KEYSET_FILE);
        CredentialVault first = new CredentialVault(null, file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] sealed = first.encrypt(SECRET, ROW_A);

        CredentialVault restarted = new CredentialVault("", file);
        assertThat(restarted.decrypt(sealed, ROW_A)).isEqualTo(SECRET);
    }

    @Test
    void theCiphertextHidesTheSecretAndOnlyOpensWithItsAssociatedData() {
        CredentialVault vault = new CredentialVault(null, dir.resolve(CredentialVault.KEYSET_FILE));
        byte[] sealed = vault.encrypt(SECRET, ROW_A);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("mot-de-passe");
        assertThat(vault.decrypt(sealed, ROW_A)).isEqualTo(SECRET);
        // Copied to another row or tenant: refused.
        assertThatThrownBy(() -> vault.decrypt(sealed, ROW_B))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.decrypt(sealed, ROW_A))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);
    }

    @Test
    void aNewPrimaryKeyStillOpensOldCiphertextsAndIsKeptInTheFile() {
        Path file = dir.resolve(CredentialVault.KEYSET_FILE);
        CredentialVault vault = new CredentialVault(null, file);
        byte[] old = vault.encrypt(SECRET, ROW_A);
        int oldKey = vault.primaryKeyId();

        vault.addPrimaryKey();
        assertThat(vault.keyCount()).isEqualTo(2);
        assertThat(vault.primaryKeyId()).isNotEqualTo(oldKey);
        assertThat(vault.decrypt(old, ROW_A)).isEqualTo(SECRET);
        byte[] fresh = vault.encrypt(SECRET, ROW_A);
        assertThat(java.nio.ByteBuffer.wrap(fresh, 1, 4).getInt()).isEqualTo(vault.primaryKeyId());

        CredentialVault restarted = new CredentialVault(null, file);
        assertThat(restarted.primaryKeyId()).isEqualTo(vault.primaryKeyId());
        assertThat(restarted.decrypt(old, ROW_A)).isEqualTo(SECRET);
        assertThat(restarted.decrypt(fresh, ROW_A)).isEqualTo(SECRET);
    }

    @Test
    void aKeysetFromTheEnvironmentIsUsedAndRotatedByTheCommand() {
        String json = CredentialVault.newKeysetJson();
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        Path unused = dir.resolve("unused.json");
        CredentialVault vault = new CredentialVault(base64, unused);
        assertThat(unused).doesNotExist();
        byte[] old = vault.encrypt(SECRET, ROW_A);
        // It cannot be saved, so it is rotated outside and given again.
        assertThatThrownBy(vault::addPrimaryKey).isInstanceOf(IllegalStateException.class);

        String rotated = CredentialVault.rotatedKeysetJson(json);
        CredentialVault next = new CredentialVault(
                Base64.getEncoder().encodeToString(rotated.getBytes(StandardCharsets.UTF_8)), unused);
        assertThat(next.keyCount()).isEqualTo(2);
        assertThat(next.primaryKeyId()).isNotEqualTo(vault.primaryKeyId());
        assertThat(next.decrypt(old, ROW_A)).isEqualTo(SECRET);
        // A keyset without the old key cannot open it.
        CredentialVault stranger = new CredentialVault(Base64.getEncoder().encodeToString(
                CredentialVault.newKeysetJson().getBytes(StandardCharsets.UTF_8)), unused);
        assertThatThrownBy(() -> stranger.decrypt(old, ROW_A))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);
    }
}
