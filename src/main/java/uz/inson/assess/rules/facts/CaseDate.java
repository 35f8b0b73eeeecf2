package uz.inson.assess.rules.facts;

import java.time.LocalDate;

/**
 * The date the assessment is made "as of". Parameter rows compare their validity dates with {@link #getAsOf()},
 * the ISO text of the date, because ISO dates order correctly as text and read plainly in a spreadsheet cell.
 */
public final class CaseDate {
    private final LocalDate date;
    /** Built once: every row of the parameters table compares it, once or twice per assessment. */
    private final String asOf;

    public CaseDate(LocalDate date) {
        this.date = date;
        this.asOf = date.toString();
    }

    public LocalDate getDate() {
        return date;
    }

    public String getAsOf() {
        return asOf;
    }
}
