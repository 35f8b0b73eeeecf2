package uz.inson.assess.rules;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.CaseDate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Rules as Drools compiled them, kept so that the same rules are not compiled twice: Drools' packages (each rule with
 * the bytecode of its consequence and its load order) written with Drools' own serialization. Read back into a new
 * KieBase they give the network the compile gave, so the same rules fire in the same order; reading them takes a
 * fraction of the compile (parsing the DRL and compiling its Java is most of a start, docs/performance.md).
 *
 * <p>A form is found by a key over everything the compile's result depends on: the DRL as given to Drools, the classes
 * the rules are compiled against (the facts, and the household they read), Drools' version and the JVM's. Any other
 * change gives another key, so a form is never read for rules or code it was not made from; where the code cannot be
 * read to make the key, there is no key and every compile starts from the DRL.
 */
public final class CompiledForm {
    /** Where the build puts the forms of the repository's rule set, one file per key. */
    static final String PACKAGED_DIR = RuleSetBundle.PACKAGED_ROOT + "/compiled/";
    private static final String FORMAT = "inson-compiled-form-1";
    private static final List<String> DROOLS = List.of("drools-base", "drools-core", "drools-compiler", "drools-mvel", "drools-kiesession",
            "drools-drl-parser", "drools-util");
    /** The packages whose classes the rules are compiled against. */
    private static final List<Class<?>> RULES_SEE = List.of(CaseDate.class, Household.class);
    /**
     * What a form may hold: Drools' and MVEL's classes, the JDK's and ours. The forms come from this application's
     * own build or database, but reading Java serialization is still held to the classes it can need.
     */
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "java.**;org.drools.**;org.kie.**;org.mvel2.**;uz.inson.assess.**;!*");

    private static String environment;

    private CompiledForm() {
    }

    /** Where forms are kept between compiles. */
    public interface Store {
        /** The form under this key, or null. */
        byte[] find(String key);

        /** Keeps a form just compiled; a store that is only read ignores it. */
        default void keep(String key, byte[] form) {
        }

        /** No forms: every compile starts from the DRL. */
        Store NONE = key -> null;
    }

    /**
     * The table {@code compiled_form} over a plain connection: what the container keeps there and reads
     * ({@code CompiledFormTable}), and what a launch reads before the container is up ({@link LaunchDatabase}).
     */
    public static final class Table {
        private Table() {
        }

        /** The form under this key, or null; marks it read at {@code now}, so that it is not swept as unused. */
        public static byte[] find(Connection connection, String key, Instant now) throws SQLException {
            try (PreparedStatement read = connection.prepareStatement("update compiled_form set read_at = ? where key = ? returning form")) {
                read.setTimestamp(1, Timestamp.from(now));
                read.setString(2, key);
                try (ResultSet form = read.executeQuery()) {
                    return form.next() ? form.getBytes(1) : null;
                }
            }
        }

        /** Keeps a form; one another instance kept first under the same key (the same rules) stays. */
        public static void keep(Connection connection, String key, byte[] form, Instant now) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into compiled_form (key, form, kept_at, read_at) values (?, ?, ?, ?) on conflict (key) do nothing")) {
                insert.setString(1, key);
                insert.setBytes(2, form);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    /** The forms the build made of the repository's rule set ({@link #main}), on this class loader's class path. */
    public static Store packaged(ClassLoader classLoader) {
        return key -> {
            try (InputStream in = classLoader.getResourceAsStream(PACKAGED_DIR + key)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        };
    }

    /** Looks in {@code first}, then in {@code then}; keeps in both. */
    static Store either(Store first, Store then) {
        return new Store() {
            @Override
            public byte[] find(String key) {
                byte[] form = first.find(key);
                return form != null ? form : then.find(key);
            }

            @Override
            public void keep(String key, byte[] form) {
                first.keep(key, form);
                then.keep(key, form);
            }
        };
    }

    /** The key of the KieBase compiled from these DRL files (path to text); null when the code cannot be read. */
    static String key(SortedMap<String, byte[]> files) {
        String code = environment();
        if (code == null) {
            return null;
        }
        MessageDigest digest = sha256();
        digest.update((FORMAT + "\n" + code + "\n").getBytes(StandardCharsets.UTF_8));
        files.forEach((path, bytes) -> {
            byte[] name = path.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(8).putInt(name.length).putInt(bytes.length).array());
            digest.update(name);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    static byte[] write(KieBase kieBase) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A new KieBase of the form's packages, its rules' classes defined by {@code classLoader}'s children. */
    public static KieBase read(byte[] form, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        List<KiePackage> packages = new ArrayList<>();
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(form), classLoader)) {
            in.setObjectInputFilter(FILTER);
            for (Object read : (List<?>) in.readObject()) {
                packages.add((KiePackage) read);
            }
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(packages);
        return kieBase;
    }

    /**
     * Run by the build ({@code pom.xml}, phase {@code process-classes}, after {@link SpreadsheetReads}): compiles the
     * bundle under {@code args[0]} and writes the forms of its KieBases under {@code args[1]}. A bundle that does not
     * compile gets no form; the application then compiles it and reports its problems as it would without them.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path stale : old.toList()) {
                Files.delete(stale);
            }
        }
        Map<String, byte[]> made = new TreeMap<>();
        Store keeping = new Store() {
            @Override
            public byte[] find(String key) {
                return null;
            }

            @Override
            public void keep(String key, byte[] form) {
                made.put(key, form);
            }
        };
        try {
            new RuleSetCompiler(SpreadsheetReads.packaged(CompiledForm.class.getClassLoader()), keeping)
                    .compile(RuleSetBundle.fromDirectory(Path.of(args[0])));
        } catch (RuleSetInvalidException e) {
            return;
        }
        for (Map.Entry<String, byte[]> form : made.entrySet()) {
            Files.write(out.resolve(form.getKey()), form.getValue());
        }
    }

    private static synchronized String environment() {
        if (environment == null) {
            environment = readEnvironment();
        }
        return environment.isEmpty() ? null : environment;
    }

    /** A digest of Drools' version, the JVM's and the class files of the packages the rules see; "" when one cannot be read. */
    private static String readEnvironment() {
        MessageDigest digest = sha256();
        digest.update(("java " + Runtime.version().feature() + "\n").getBytes(StandardCharsets.UTF_8));
        ClassLoader classLoader = CompiledForm.class.getClassLoader();
        try {
            for (String artifact : DROOLS) {
                try (InputStream in = classLoader.getResourceAsStream("META-INF/maven/org.drools/" + artifact + "/pom.properties")) {
                    if (in == null) {
                        return "";
                    }
                    digest.update(in.readAllBytes());
                }
            }
            for (Class<?> type : RULES_SEE) {
                SortedMap<String, byte[]> classes = classFilesBeside(type);
                if (classes == null || classes.isEmpty()) {
                    return "";
                }
                classes.forEach((name, bytes) -> {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                });
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "";
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The class files of {@code type}'s package, by name, from the folder or jar it was loaded from; null from elsewhere. */
    private static SortedMap<String, byte[]> classFilesBeside(Class<?> type) throws IOException, URISyntaxException {
        URL url = type.getResource(type.getSimpleName() + ".class");
        if (url == null) {
            return null;
        }
        SortedMap<String, byte[]> classes = new TreeMap<>();
        if ("file".equals(url.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                    classes.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
            return classes;
        }
        if ("jar".equals(url.getProtocol())) {
            String folder = type.getPackageName().replace('.', '/') + "/";
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : jar.stream().toList()) {
                    String name = entry.getName();
                    if (name.startsWith(folder) && name.endsWith(".class") && name.indexOf('/', folder.length()) < 0) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(name.substring(folder.length()), in.readAllBytes());
                        }
                    }
                }
            }
            return classes;
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
