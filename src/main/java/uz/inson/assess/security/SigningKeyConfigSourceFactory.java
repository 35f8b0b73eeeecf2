package uz.inson.assess.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import uz.inson.assess.common.BuildTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The local token issuer's RSA key pair, when the operator configured none: generated on first use and kept in
 * {@code inson.auth.key-directory} (readable by the service's user only), so tokens survive a restart. Supplies
 * {@code smallrye.jwt.sign.key} and {@code mp.jwt.verify.publickey}. Configuring any verification key (an external
 * OpenID Connect provider's JWKS, or the operator's own PEM files) switches this off.
 */
public class SigningKeyConfigSourceFactory implements ConfigSourceFactory {
    private static final String SIGN_KEY = "smallrye.jwt.sign.key";
    private static final String VERIFY_KEY = "mp.jwt.verify.publickey";
    private static final List<String> CONFIGURED_KEYS = List.of(VERIFY_KEY, "mp.jwt.verify.publickey.location",
            "smallrye.jwt.verify.key.location", SIGN_KEY, "smallrye.jwt.sign.key.location");
    private static final String PRIVATE_FILE = "signing-key.pem";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (BuildTime.isBuilding()) {
            return List.of();
        }
        for (String key : CONFIGURED_KEYS) {
            ConfigValue value = context.getValue(key);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                return List.of();
            }
        }
        ConfigValue directory = context.getValue("inson.auth.key-directory");
        return List.of(new LazySource(directory == null || directory.getValue() == null ? "" : directory.getValue()));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static final class LazySource extends MapBackedConfigSource {
        private final String directory;
        private volatile String[] pems;

        LazySource(String directory) {
            super("generated-signing-key", Map.of(SIGN_KEY, "", VERIFY_KEY, ""), 50);
            this.directory = directory;
        }

        @Override
        public String getValue(String name) {
            if (!SIGN_KEY.equals(name) && !VERIFY_KEY.equals(name)) {
                return super.getValue(name);
            }
            if (pems == null) {
                synchronized (this) {
                    if (pems == null) {
                        pems = load(directory);
                    }
                }
            }
            return SIGN_KEY.equals(name) ? pems[0] : pems[1];
        }
    }

    /** The private and the public key as PEM text; two instances sharing a directory agree on one pair. */
    private static String[] load(String directory) {
        try {
            RSAPrivateCrtKey privateKey;
            if (directory.isBlank()) {
                privateKey = generate();
            } else {
                Path dir = Path.of(directory).toAbsolutePath();
                Files.createDirectories(dir);
                Path file = dir.resolve(PRIVATE_FILE);
                if (!Files.exists(file)) {
                    Path temp = Files.createTempFile(dir, "key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(temp, pem("PRIVATE KEY", generate().getEncoded()));
                    try {
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                        Files.deleteIfExists(temp);
                    }
                }
                privateKey = read(Files.readString(file));
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new String[] {pem("PRIVATE KEY", privateKey.getEncoded()), pem("PUBLIC KEY", publicKey.getEncoded())};
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the token signing key", e);
        }
    }

    private static RSAPrivateCrtKey generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return (RSAPrivateCrtKey) pair.getPrivate();
    }

    private static RSAPrivateCrtKey read(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
