package uz.inson.assess.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The build of the code that decides, as a fingerprint of this application's classes and of the Drools release. A
 * stored assessment records it with the rule-set version, so a decision kept from it is reused (by impact analysis)
 * only by the same code and rules: an upgraded service decides again rather than mixing its predecessor's answers into
 * a comparison.
 */
public final class EngineBuild {
    /** The first 16 hex digits of the SHA-256 of the application's class files (in name order) and Drools' jar name. */
    public static final String ID = fingerprint();

    private EngineBuild() {
    }

    private static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Drools' artifacts move together; the name of its core jar carries the release ("drools-core-10.2.0.jar")
            sha.update(location(org.drools.core.common.DefaultFactHandle.class.getProtectionDomain().getCodeSource()).getFileName().toString()
                    .getBytes(StandardCharsets.UTF_8));
            Path location = location(EngineBuild.class.getProtectionDomain().getCodeSource());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        sha.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> classes = jar.stream().filter(e -> e.getName().endsWith(".class"))
                            .sorted(Comparator.comparing(JarEntry::getName)).toList();
                    for (JarEntry entry : classes) {
                        sha.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = jar.getInputStream(entry)) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path location(CodeSource source) {
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
