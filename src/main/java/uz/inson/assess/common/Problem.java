package uz.inson.assess.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, with a stable {@code code} and the {@code violations} that name fields or cells. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(String type, String title, int status, String detail, String code, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail, List<Violation> violations) {
        return new Problem("https://inson.uz/problems/" + code, title, status, detail, code, violations);
    }
}
