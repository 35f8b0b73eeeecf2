package uz.inson.assess.rules;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The database the configuration names, read over a plain connection while Quarkus still starts, so that a launch can
 * compile the version it will put in force beside the start: after policy staff put an uploaded version in force, that
 * version, not the repository's, is what every restart and every new instance needs. Only a server named by
 * {@code quarkus.datasource.jdbc.url} is read (an embedded one has not started yet). Nothing here decides what is in
 * force: the container reads the timeline as always, and a version read here that is not the one in force then is
 * only a spare compile.
 */
record LaunchDatabase(String url, Properties properties) {
    private static final String PREFIX = "quarkus.datasource.";
    private static final String ADDITIONAL = PREFIX + "jdbc.additional-jdbc-properties.";

    /** The database the configuration names, or none (the embedded one, started later). */
    static Optional<LaunchDatabase> configured(ConfigSourceContext context) {
        String url = value(context, PREFIX + "jdbc.url");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            String value = name.startsWith(ADDITIONAL) ? value(context, name) : null;
            if (value != null) {
                properties.setProperty(name.substring(ADDITIONAL.length()), value);
            }
        }
        Optional.ofNullable(value(context, PREFIX + "username")).ifPresent(user -> properties.setProperty("user", user));
        Optional.ofNullable(value(context, PREFIX + "password")).ifPresent(password -> properties.setProperty("password", password));
        // a server that does not answer must not hold the launch back for long (the container waits for its choice): the
        // repository's is compiled instead
        properties.putIfAbsent("connectTimeout", "2");
        properties.putIfAbsent("loginTimeout", "2");
        properties.putIfAbsent("socketTimeout", "10");
        properties.setProperty("ApplicationName", "inson-assess launch");
        return Optional.of(new LaunchDatabase(url, properties));
    }

    /** Without the properties: they hold the password. */
    @Override
    public String toString() {
        return "LaunchDatabase[" + url + "]";
    }

    Connection connect() throws SQLException {
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL address");
        }
        return connection;
    }

    /**
     * The version the database has in force now, the repository's own bundle when it is that one (its files are not read
     * again), or none: no version in force yet, or no schema yet (a first start, before Flyway).
     */
    static Optional<RuleSetBundle> versionInForce(Connection connection, Optional<RuleSetBundle> repository) throws SQLException {
        if (!exists(connection, "rule_set_activation")) {
            return Optional.empty();
        }
        String version;
        String hash;
        UUID id;
        try (PreparedStatement inForce = connection.prepareStatement("""
                select r.id, r.version, r.hash from rule_set_activation a join rule_set r on r.id = a.rule_set_id
                where a.effective_from <= now() order by a.effective_from desc, a.id desc limit 1""");
             ResultSet row = inForce.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            id = row.getObject(1, UUID.class);
            version = row.getString(2);
            hash = row.getString(3);
        }
        if (repository.isPresent() && repository.get().hash().equals(hash)) {
            return repository;
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (PreparedStatement read = connection.prepareStatement("select path, content from rule_set_file where rule_set_id = ?")) {
            read.setObject(1, id);
            try (ResultSet file = read.executeQuery()) {
                while (file.next()) {
                    files.put(file.getString(1), file.getBytes(2));
                }
            }
        }
        return Optional.of(new RuleSetBundle(version, files));
    }

    /**
     * The rules any instance compiled, kept in the database ({@link CompiledForm.Table}); a failed read or keep is no form,
     * and a database without the table (before Flyway) has none.
     */
    static CompiledForm.Store forms(Connection connection) throws SQLException {
        if (!exists(connection, "compiled_form")) {
            return CompiledForm.Store.NONE;
        }
        return new CompiledForm.Store() {
            @Override
            public byte[] find(String key) {
                try {
                    return CompiledForm.Table.find(connection, key, Instant.now());
                } catch (SQLException e) {
                    return null;
                }
            }

            @Override
            public void keep(String key, byte[] form) {
                try {
                    CompiledForm.Table.keep(connection, key, form, Instant.now());
                } catch (SQLException e) {
                    // the next compile of these rules starts from the DRL
                }
            }
        };
    }

    /**
     * Whether the service's migrations have made the table yet. Asked before reading it: a statement on a table that does
     * not exist fails, and the server logs each failure as an ERROR, which at every first start of a new database would
     * look like a fault to the operators reading that log.
     */
    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement asked = connection.prepareStatement("select to_regclass(?) is not null")) {
            asked.setString(1, table);
            try (ResultSet row = asked.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
