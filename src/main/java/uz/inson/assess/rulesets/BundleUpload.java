package uz.inson.assess.rulesets;

import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.rules.RuleSetBundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns uploaded files into a bundle: either a zip of the whole bundle, or changed files laid over the parent version.
 * Limits sizes and counts, reads zips defensively (no path escapes, no decompression bombs) and accepts only the file
 * kinds a bundle has; a macro-enabled workbook is refused by its name and its content.
 */
public final class BundleUpload {
    static final int MAX_FILES = 60;
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

    private BundleUpload() {
    }

    /** An uploaded part: its file name and bytes. */
    public record Part(String name, byte[] content) {
    }

    static SortedMap<String, byte[]> overParent(Map<String, byte[]> parentFiles, List<Part> parts) {
        if (parts.isEmpty()) {
            throw ProblemException.invalid("files", "at least one file is needed");
        }
        if (parts.size() == 1 && parts.get(0).name().toLowerCase().endsWith(".zip")) {
            return unzip(parts.get(0).content());
        }
        if (parts.size() > MAX_FILES) {
            throw ProblemException.invalid("files", "at most " + MAX_FILES + " files at once");
        }
        SortedMap<String, byte[]> files = new TreeMap<>(parentFiles);
        for (Part part : parts) {
            String name = part.name().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            String fileName = name;
            String path = parentFiles.keySet().stream().filter(p -> p.endsWith("/" + fileName)).findFirst().orElseGet(() -> pathForNewFile(fileName));
            files.put(path, checked(path, part.content()));
        }
        return files;
    }

    private static String pathForNewFile(String name) {
        if (name.endsWith(".drl")) {
            return RuleSetBundle.RULES_DIR + "/" + name;
        }
        if (name.endsWith(".yaml")) {
            return RuleSetBundle.TABLES_DIR + "/scenarios/" + name;
        }
        if (name.endsWith(".xlsx")) {
            return RuleSetBundle.TABLES_DIR + "/" + name;
        }
        throw ProblemException.invalid("files", "'" + name + "' is not a kind of file a rule set has (.drl, .xlsx, .yaml, or one .zip of the whole bundle)");
    }

    private static SortedMap<String, byte[]> unzip(byte[] zip) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName().replace('\\', '/');
                int rules = path.indexOf(RuleSetBundle.RULES_DIR + "/");
                int tables = path.indexOf(RuleSetBundle.TABLES_DIR + "/");
                int start = rules == 0 || tables < 0 ? rules : tables;
                if (start < 0 || path.contains("..") || path.startsWith("/")) {
                    continue; // only rules/ and decision-tables/ belong to a bundle; other entries are ignored
                }
                path = path.substring(start);
                if (files.size() >= MAX_FILES) {
                    throw ProblemException.invalid("files", "the zip has more than " + MAX_FILES + " bundle files");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, read);
                    total += read;
                    if (out.size() > MAX_FILE_BYTES || total > MAX_BUNDLE_BYTES) {
                        throw ProblemException.invalid("files", "the zip unpacks to more than allowed (" + MAX_FILE_BYTES / 1024 / 1024
                                + " MB a file, " + MAX_BUNDLE_BYTES / 1024 / 1024 + " MB in all): " + path);
                    }
                }
                files.put(path, checked(path, out.toByteArray()));
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw ProblemException.invalid("files", "is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("files", "is truncated or damaged: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ProblemException.invalid("files", "the zip has no rules/ or decision-tables/ files");
        }
        return files;
    }

    private static byte[] checked(String path, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            throw new ProblemException(413, "file-too-large", path + " is larger than " + MAX_FILE_BYTES + " bytes",
                    List.of(new Violation(path, "is too large")));
        }
        String lower = path.toLowerCase();
        if (lower.endsWith(".xlsm") || lower.endsWith(".xls") || lower.endsWith(".xltm")) {
            throw ProblemException.invalid(path, "only .xlsx workbooks are accepted (no macros, no old .xls format)");
        }
        if (lower.endsWith(".xlsx")) {
            WorkbookScreen.check(path, content);
        }
        return content;
    }
}
