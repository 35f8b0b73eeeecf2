package uz.inson.assess.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A test profile whose service reaches a database of its own through a {@link TcpProxy}, so a test can take the
 * database away and bring it back while the service runs. The service sees an ordinary external PostgreSQL.
 */
public class ProxiedDatabase implements QuarkusTestProfile {
    private static EmbeddedPostgres postgres;
    private static TcpProxy proxy;

    /** The cable between the service and its database. */
    public static synchronized TcpProxy proxy() {
        if (proxy == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            proxy = new TcpProxy(postgres.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                proxy.close();
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is stopping anyway
                }
            }));
        }
        return proxy;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy().port() + "/postgres",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }
}
