package uz.inson.assess.common;

/** The page and size query parameters every list takes. */
public final class Paging {
    private Paging() {
    }

    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.invalid("size", "must be between 1 and " + maxSize);
        }
    }
}
