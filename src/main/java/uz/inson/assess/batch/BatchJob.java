package uz.inson.assess.batch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A batch job as its caller sees it: what was asked, and how far it has come. */
@Schema(name = "BatchJob", description = "An asynchronous batch: progress while it runs; its answer lines at /api/v1/batch-jobs/{jobId}/answers.")
public record BatchJob(
        UUID id,
        @Schema(description = "RECEIVING (the upload is being read), RUNNING, DONE or CANCELLED",
                enumeration = {"RECEIVING", "RUNNING", "DONE", "CANCELLED"}) String status,
        @Schema(description = "false: a dry run, nothing is stored") boolean persist,
        @Schema(enumeration = {"full", "decision"}) String detail,
        @Schema(enumeration = {"uz", "ru", "en"}) String language,
        @Schema(description = "Non-blank lines uploaded (while RECEIVING, those received so far)") int lines,
        @Schema(description = "Lines answered so far") int processed,
        @Schema(description = "Lines answered with a result") int results,
        @Schema(description = "Lines answered with a problem") int problems,
        @Schema(minimum = "0", maximum = "100") int percent,
        @Schema(description = "Seconds left at the pace so far, while running", nullable = true) Long etaSeconds,
        Instant createdAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(description = "When the job and its answers are removed (finishedAt plus the service's keeping time, 30 days by default)",
                nullable = true) Instant keptUntil) {

    /** A page of the caller's jobs, newest first. */
    public record Page(List<BatchJob> items, int page, int size, long total) {
    }
}
