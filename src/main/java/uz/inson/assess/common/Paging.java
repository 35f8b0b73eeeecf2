package uz.inson.assess.common;

/** The page and size query parameters every list takes. */
public final class Paging {
    private Paging() {
    }

    /**
     * Refuses a page that does not exist in any list: the database skips {@code page × size} rows, counted in a Java
     * {@code int}, so a page past {@link Integer#MAX_VALUE} rows is refused here instead of overflowing there.
     */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.invalid("size", "must be between 1 and " + maxSize);
        }
        long skipped = (long) page * size;
        if (skipped > Integer.MAX_VALUE) {
            throw ProblemException.invalid("page", "must be at most " + Integer.MAX_VALUE / size + " with size " + size);
        }
    }
}
