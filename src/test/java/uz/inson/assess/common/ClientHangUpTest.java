package uz.inson.assess.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.restassured.http.ContentType;
import io.vertx.core.http.HttpClosedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.inson.assess.security.Roles;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that hangs up — while its body is read before the endpoint, while the endpoint reads it, or before its
 * answer is written — is no error of the service: nothing is logged at ERROR, each is counted, and the service goes on
 * answering. A request the endpoint could not finish reading is a 400, not a 500 with an incident.
 */
@QuarkusTest
class ClientHangUpTest {
    private static final int ERROR = 1000; // JBoss Logging's ERROR, as java.util.logging sees it
    @TestHTTPResource("/")
    URL service;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= ERROR) {
                errors.add(record.getLoggerName() + ": " + record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureErrors() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** A new integrating system's key, and the actor its requests are audited under. */
    private record Key(String key, String actor) {
    }

    private Key newKey(String name) {
        Map<String, Object> created = Auth.as("admin").contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", List.of(Roles.INTEGRATION_CLIENT),
                        "expiresAt", OffsetDateTime.now(clock).plusDays(30).toString()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath().getMap("");
        return new Key((String) created.get("key"), "api-key:" + ((Map<?, ?>) created.get("details")).get("id"));
    }

    @Test
    void aClientThatHangsUpIsNoErrorOfTheService() throws Exception {
        String key = newKey("Hang-up test").key();
        byte[] body = Households.POOR_FAMILY_WITH_DISABLED_CHILD.getBytes(StandardCharsets.UTF_8);
        double before = hangUps();
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            // all of it: decided and answered, perhaps to no one (or dropped unread if the close comes first)
            sendAndHangUp(key, "Content-Length: " + body.length, body);
            // streamed, half of it sent: the endpoint was reading it (or never began)
            sendAndHangUp(key, "Transfer-Encoding: chunked", chunk(half(body)));
            // its length declared, half of it sent: always read on the I/O thread before the endpoint (EagerBody), and failed there
            sendAndHangUp(key, "Content-Length: " + body.length, half(body));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (hangUps() < before + rounds && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(hangUps() >= before + rounds, "hang-ups counted: " + (hangUps() - before));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments?persist=false").then().statusCode(200);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /**
     * A batch whose caller leaves after its first answers, while the service still waits for the rest of its body: its
     * request is audited twice, 200 when its answers began and 400 when it was cut off. Hang-ups of another test may
     * still be counted meanwhile, so its own is known by its audit entry.
     */
    @Test
    void aBatchWhoseClientLeavesIsCountedNotLoggedAsAnError() throws Exception {
        String line = Households.POOR_FAMILY_WITH_DISABLED_CHILD.replaceAll("\\s*\n\\s*", " ") + "\n";
        byte[] lines = line.repeat(300).getBytes(StandardCharsets.UTF_8);
        Key key = newKey("Batch hang-up test");
        double before = hangUps();
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/assessments/batch?persist=false&detail=decision HTTP/1.1\r\nHost: " + service.getHost()
                    + "\r\nContent-Type: application/x-ndjson\r\nX-API-Key: " + key.key()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk(lines));
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] first = new byte[4096];
            assertTrue(socket.getInputStream().read(first) > 0, "no answer before hanging up");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Integer> outcomes = auditedOutcomes(key.actor());
        while (outcomes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            outcomes = auditedOutcomes(key.actor());
        }
        assertEquals(List.of(400, 200), outcomes, "the batch's audit entries, newest first");
        assertTrue(hangUps() >= before + 1, "hang-ups counted: " + (hangUps() - before));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private static List<Integer> auditedOutcomes(String actor) {
        return Auth.as("auditor").queryParam("actor", actor).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.outcome", Integer.class);
    }

    @Test
    void aRequestCutOffByAHangUpIsA400AndAnythingElseStillA500() {
        ProblemMappers mappers = new ProblemMappers(null, new ClientHangUps(new SimpleMeterRegistry(), new CurrentVertxRequest()));
        for (Throwable hangUp : List.of(new IOException(new IOException(new HttpClosedException("Connection was closed"))),
                new IOException(new ClosedChannelException()))) {
            Response answer = mappers.unexpected(hangUp);
            assertEquals(400, answer.getStatus());
            assertEquals("connection-closed", ((Problem) answer.getEntity()).code());
        }
        assertTrue(errors.isEmpty(), errors.toString());
        // an I/O failure is the client's doing only while its connection is closed
        assertTrue(ClientHangUps.isHangUp(new IOException(new IOException("Connection has been closed")), true));
        assertFalse(ClientHangUps.isHangUp(new IOException("Failed to write"), false));
        assertEquals(500, mappers.unexpected(new IOException("Failed to write")).getStatus());
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug of ours")).getStatus());
        assertEquals(2, errors.size(), errors.toString());
    }

    private double hangUps() {
        return registry.counter("inson.http.client.hang.ups").count();
    }

    private void sendAndHangUp(String key, String framing, byte[] sent) throws IOException {
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/assessments?persist=false HTTP/1.1\r\nHost: " + service.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "X-API-Key: " + key + "\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
        }
    }

    private static byte[] half(byte[] body) {
        return Arrays.copyOf(body, body.length / 2);
    }

    private static byte[] chunk(byte[] part) {
        byte[] size = (Integer.toHexString(part.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = Arrays.copyOf(size, size.length + part.length);
        System.arraycopy(part, 0, chunk, size.length, part.length);
        return chunk;
    }
}
