package uz.inson.assess.rules.facts;

import java.time.LocalDate;

/**
 * The date the assessment is made "as of". Parameter rows compare their validity dates with {@link #getAsOf()},
 * the ISO text of the date, because ISO dates order correctly as text and read plainly in a spreadsheet cell.
 */
public final class CaseDate {
    private final LocalDate date;

    public CaseDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getAsOf() {
        return date.toString();
    }
}
