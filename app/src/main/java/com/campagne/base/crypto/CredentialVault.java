package com.campagne.base.crypto;

import com.campagne.base.config.CampagneProperties;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts connection secrets at rest with AES-256-GCM through a Google Tink keyset.
 *
 * <p>The keyset comes from {@code CAMPAGNE_SECRETS_KEYSET} (a Tink JSON keyset, base64) when set,
 * else from {@code <data-dir>/secrets-keyset.json}, generated on first start and readable by the
 * owner only. A keyset holds several keys: ciphertexts name the key that made them, so adding a new
 * primary key ({@link #addPrimaryKey()}, {@code tinkey rotate-keyset} or {@code main rotate}) leaves
 * old ciphertexts readable while new ones use the new key.
 *
 * <p>Callers pass associated data (tenant and row ids): a ciphertext copied to another row or tenant
 * no longer decrypts.
 */
@Component
public class CredentialVault {

    /** The environment variable holding a base64 Tink JSON keyset. */
    public static final String KEYSET_ENV = "CAMPAGNE_SECRETS_KEYSET";
    /** The keyset file's name in the data directory. */
    public static final String KEYSET_FILE = "secrets-keyset.json";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD cannot be registered", e);
        }
    }

    /** Where the keyset is saved after a rotation, or {@code null} when it comes from the environment. */
    private final Path file;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    @Autowired
    public CredentialVault(CampagneProperties properties, Environment environment) {
        this(environment.getProperty(KEYSET_ENV), properties.dataDir().resolve(KEYSET_FILE));
    }

    /**
     * @param base64Keyset a base64 Tink JSON keyset, or blank to use the file
     * @param file         the keyset file, created when missing
     */
    public CredentialVault(String base64Keyset, Path file) {
        if (base64Keyset != null && !base64Keyset.isBlank()) {
            this.file = null;
            use(parse(new String(Base64.getMimeDecoder().decode(base64Keyset.trim()), StandardCharsets.UTF_8)));
        } else {
            this.file = file;
            use(Files.isRegularFile(file) ? parse(read(file)) : createFile(file));
        }
    }

    /** Encrypts with the primary key; {@code associatedData} must be given again to decrypt. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * Decrypts with whichever key of the keyset made the ciphertext.
     *
     * @throws UnreadableSecretException when the ciphertext was altered, belongs to other associated
     *                                   data, or was made by a key no longer in the keyset
     */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecretException();
        }
    }

    /**
     * Adds a new AES-256-GCM key and makes it the primary; the other keys stay to decrypt older
     * ciphertexts. Saves the keyset file; a keyset from the environment cannot be saved, so rotate it
     * with tinkey and restart with the new variable instead.
     */
    public synchronized void addPrimaryKey() {
        if (file == null) {
            throw new IllegalStateException("The keyset comes from " + KEYSET_ENV
                    + ": rotate it with tinkey and restart with the new value");
        }
        KeysetHandle rotated = rotate(keyset);
        write(file, serialize(rotated));
        use(rotated);
    }

    /** The id of the primary key (which new ciphertexts use). */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /** How many keys the keyset holds. */
    public int keyCount() {
        return keyset.size();
    }

    /** A new keyset of one AES-256-GCM key, as Tink JSON. */
    public static String newKeysetJson() {
        try {
            return serialize(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a keyset", e);
        }
    }

    /** The keyset with a new AES-256-GCM primary key added, the old keys kept. */
    public static String rotatedKeysetJson(String keysetJson) {
        return serialize(rotate(parse(keysetJson)));
    }

    /**
     * The operator's command, for installations without tinkey:
     * {@code new} prints a new keyset as base64 (for {@value #KEYSET_ENV});
     * {@code rotate <file>} adds a new primary key to a keyset file;
     * {@code rotate-base64 <base64>} prints the rotated keyset as base64.
     */
    public static void main(String[] args) {
        if (args.length == 1 && "new".equals(args[0])) {
            System.out.println(base64(newKeysetJson()));
        } else if (args.length == 2 && "rotate".equals(args[0])) {
            Path path = Path.of(args[1]);
            write(path, rotatedKeysetJson(read(path)));
            System.out.println("New primary key added to " + path);
        } else if (args.length == 2 && "rotate-base64".equals(args[0])) {
            String json = new String(Base64.getMimeDecoder().decode(args[1]), StandardCharsets.UTF_8);
            System.out.println(base64(rotatedKeysetJson(json)));
        } else {
            System.err.println("Usage: CredentialVault new | rotate <keyset.json> | rotate-base64 <base64 keyset>");
            System.exit(2);
        }
    }

    private void use(KeysetHandle handle) {
        try {
            Aead primitive = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.keyset = handle;
            this.aead = primitive;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secrets keyset is not an AEAD keyset", e);
        }
    }

    private static KeysetHandle rotate(KeysetHandle handle) {
        try {
            return KeysetHandle.newBuilder(handle)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add a key to the keyset", e);
        }
    }

    private static KeysetHandle parse(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secrets keyset cannot be read (not a Tink JSON keyset)", e);
        }
    }

    private static String serialize(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the keyset", e);
        }
    }

    private static KeysetHandle createFile(Path file) {
        String json = newKeysetJson();
        write(file, json);
        return parse(json);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes through a temporary file readable by the owner only, then moves it in place. */
    private static void write(Path file, String json) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".secrets-keyset", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the folder's own protection applies.
            }
            Files.writeString(temp, json);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CredentialVault[" + (file == null ? KEYSET_ENV : file) + "]";
    }

    /** A ciphertext that does not decrypt here (altered, moved to another row, or its key removed). */
    public static class UnreadableSecretException extends RuntimeException {
        public UnreadableSecretException() {
            super("The stored secret cannot be decrypted with this keyset");
        }
    }
}
