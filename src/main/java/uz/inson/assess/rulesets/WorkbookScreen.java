package uz.inson.assess.rulesets;

import uz.inson.assess.common.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an uploaded .xlsx (a zip of XML parts) before Apache POI opens it: refuses macros, zip bombs, XML
 * DOCTYPE declarations (the door to entity expansion and external entities) and sheets far larger than any table.
 */
final class WorkbookScreen {
    static final int MAX_PARTS = 500;
    static final long MAX_PART_BYTES = 30L * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 60L * 1024 * 1024;
    static final int MAX_ROWS_PER_SHEET = 5_000;

    private WorkbookScreen() {
    }

    static void check(String path, byte[] workbook) {
        int parts = 0;
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (++parts > MAX_PARTS) {
                    throw ProblemException.invalid(path, "has more than " + MAX_PARTS + " parts; it is not a decision table");
                }
                if (name.endsWith("vbaproject.bin")) {
                    throw ProblemException.invalid(path, "contains macros (vbaProject.bin); save it as a plain .xlsx workbook");
                }
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    part.write(buffer, 0, read);
                    unpacked += read;
                    if (part.size() > MAX_PART_BYTES || unpacked > MAX_UNPACKED_BYTES) {
                        throw ProblemException.invalid(path, "unpacks to more than " + MAX_UNPACKED_BYTES / 1024 / 1024
                                + " MB (a zip bomb, or not a decision table)");
                    }
                }
                if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
                    String xml = part.toString(StandardCharsets.UTF_8);
                    if (xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                        throw ProblemException.invalid(path, "part " + entry.getName() + " declares a DOCTYPE; XML entities are not allowed in a workbook");
                    }
                    if (name.startsWith("xl/worksheets/") && count(xml, "<row ") + count(xml, "<row>") > MAX_ROWS_PER_SHEET) {
                        throw ProblemException.invalid(path, "sheet " + entry.getName() + " has more than " + MAX_ROWS_PER_SHEET
                                + " rows; a decision table is far smaller");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a part name that is not valid UTF-8
            throw ProblemException.invalid(path, "is not a readable .xlsx workbook: " + e.getMessage());
        }
        if (parts == 0) {
            throw ProblemException.invalid(path, "is not a readable .xlsx workbook (no parts)");
        }
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            count++;
        }
        return count;
    }
}
