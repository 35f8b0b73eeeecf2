package uz.inson.assess.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An immutable rule-set version: every file of the bundle by its path ({@code rules/…}, {@code decision-tables/…}),
 * its version label and the SHA-256 over all of it, so a stored assessment names exactly what decided it.
 */
public record RuleSetBundle(String version, SortedMap<String, byte[]> files) {

    public static final String RULES_DIR = "rules";
    public static final String TABLES_DIR = "decision-tables";
    public static final String VERSION_FILE = RULES_DIR + "/VERSION";
    /** Where the build puts the repository's bundle inside the application (pom.xml, resources). */
    public static final String PACKAGED_ROOT = "bundle";

    public RuleSetBundle {
        files = new TreeMap<>(files);
    }

    /** Reads the bundle under {@code root}: its {@code rules/} and {@code decision-tables/} folders. */
    public static RuleSetBundle fromDirectory(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String dir : new String[] {RULES_DIR, TABLES_DIR}) {
            Path base = root.resolve(dir);
            if (!Files.isDirectory(base)) {
                throw new IllegalStateException("No " + dir + "/ folder under " + root.toAbsolutePath());
            }
            try (Stream<Path> paths = Files.walk(base)) {
                for (Path p : paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] version = files.get(VERSION_FILE);
        if (version == null) {
            throw new IllegalStateException("The bundle has no " + VERSION_FILE + " file naming its version");
        }
        return new RuleSetBundle(new String(version, StandardCharsets.UTF_8).trim(), files);
    }

    /**
     * The repository's bundle: the folder {@code directory} when it has a {@code rules/} folder (policy staff editing the
     * repository), else, when {@code packaged}, the one the build packed into the application.
     */
    public static Optional<RuleSetBundle> repository(Path directory, boolean packaged) {
        if (Files.isDirectory(directory.resolve(RULES_DIR))) {
            return Optional.of(fromDirectory(directory));
        }
        return packaged ? packaged(RuleSetBundle.class.getClassLoader()) : Optional.empty();
    }

    /**
     * The bundle the build packed into the application, so {@code java -jar} from any folder has a rule set to start
     * with; empty when the application was built without one.
     */
    public static Optional<RuleSetBundle> packaged(ClassLoader classLoader) {
        URL version = classLoader.getResource(PACKAGED_ROOT + "/" + VERSION_FILE);
        if (version == null) {
            return Optional.empty();
        }
        try {
            URI uri = version.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return Optional.of(fromDirectory(jar.getPath("/" + PACKAGED_ROOT)));
                }
            }
            return Optional.of(fromDirectory(Path.of(uri).getParent().getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Versions are content-addressed: the same files always make the same rule-set id. */
    public static UUID idOf(String hash) {
        return UUID.nameUUIDFromBytes(hash.getBytes(StandardCharsets.UTF_8));
    }

    public UUID id() {
        return idOf(hash());
    }

    /** {@code sha256:<hex>} over every path and its bytes, in path order. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, byte[]> filesUnder(String dir, String suffix) {
        Map<String, byte[]> selected = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(dir + "/") && path.endsWith(suffix)) {
                selected.put(path, bytes);
            }
        });
        return selected;
    }
}
