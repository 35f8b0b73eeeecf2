package uz.inson.assess.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads NDJSON a line at a time from a stream of any length, holding one line at most: a line longer than the limit
 * is skipped to its end and reported as too long instead of being kept. Batches and impact populations are read with it.
 */
public final class NdjsonLines {
    /** A non-blank line: its number (from 1) and bytes without the line break, or {@code tooLong}. */
    public record Line(int number, byte[] bytes, int length, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int number;

    public NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next non-blank line, or null at the end of the stream. The bytes are valid until the next call. */
    public Line next() throws IOException {
        while (true) {
            int length = 0;
            boolean tooLong = false;
            boolean ended = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        ended = true;
                        break;
                    }
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    break;
                }
                if (length == maxBytes) {
                    tooLong = true;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
                    }
                    line[length++] = b;
                }
            }
            if (ended && length == 0 && !tooLong) {
                return null;
            }
            number++;
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (tooLong || !blank(length)) {
                return new Line(number, line, length, tooLong);
            }
            if (ended) {
                return null;
            }
        }
    }

    private boolean blank(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
