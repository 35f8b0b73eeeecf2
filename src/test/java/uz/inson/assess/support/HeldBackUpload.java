package uz.inson.assess.support;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * An NDJSON upload sent as a user would send a large file, whose lines after the first {@code lines} are held back until
 * {@link #release()}: so a test sees the job while its upload is still arriving.
 */
public final class HeldBackUpload {
    private final CountDownLatch released = new CountDownLatch(1);
    private final CompletableFuture<HttpResponse<String>> answer;

    public HeldBackUpload(URI uri, String user, byte[] ndjson, int lines) {
        int split = 0;
        for (int seen = 0; seen < lines; split++) {
            seen += ndjson[split] == '\n' ? 1 : 0;
        }
        InputStream rest = new FilterInputStream(new ByteArrayInputStream(ndjson, split, ndjson.length - split)) {
            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                return super.read(into, offset, length);
            }
        };
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(ndjson, 0, split), rest);
        answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Auth.token(user))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the lines held back. */
    public void release() {
        released.countDown();
    }

    /** The service's answer, once the whole upload has been read. */
    public CompletableFuture<HttpResponse<String>> answer() {
        return answer;
    }
}
