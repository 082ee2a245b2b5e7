package org.wardheat.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.Incident;
import org.wardheat.store.ImportWriter;
import org.wardheat.store.ImportedFile;
import org.wardheat.store.Store;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Imports incident files into the store.
 *
 * <p>Atomic: all the sources of one call are stored in one transaction, so a crash, a kill or a file
 * that cannot be read leaves nothing half-imported. Idempotent: a source whose decompressed content
 * (SHA-256) was already imported into the dataset adds nothing and is reported as such. A malformed row
 * is rejected with its line, field and reason and the import goes on.
 */
public final class Importer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    public Importer(Store store) {
        this.store = store;
    }

    /**
     * @param sources        the CSVs to import
     * @param format         how to read their rows
     * @param dataset        the dataset to add to (created if new)
     * @param boundaries     the boundary set for the inside/outside counts, or {@code null}
     * @param boundariesName its id, for the report
     */
    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      WardIndex boundaries, String boundariesName) {
        return store.incidents().importing(writer -> {
            writer.ensureDataset(dataset, format.kind());
            List<ImportReport.FileReport> files = new ArrayList<>();
            ImportReport.Counts totals = new ImportReport.Counts(0, 0, 0, 0, 0);
            for (ImportSource source : sources) {
                ImportReport.FileReport report = importOne(writer, source, format, dataset, boundaries);
                files.add(report);
                totals = totals.plus(report.counts());
            }
            return new ImportReport(dataset, boundariesName, files, totals);
        });
    }

    private ImportReport.FileReport importOne(ImportWriter writer, ImportSource source, IncidentFormat format, String dataset,
                                              WardIndex boundaries) {
        // One pass: the content is hashed while it is parsed; if the hash shows it was imported before,
        // everything this file wrote is taken back.
        writer.beginFile(dataset, source.name());
        MessageDigest digest = sha256();
        long read = 0, imported = 0, outside = 0, noLocation = 0, rejected = 0;
        int minMonth = Integer.MAX_VALUE, maxMonth = Integer.MIN_VALUE;
        List<RowProblem> problems = new ArrayList<>();
        int line = 0;
        try (InputStream in = new DigestInputStream(source.open(), digest);
             CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] head = csv.next();
            if (head == null) {
                throw new ImportException(source.name() + ": the file is empty");
            }
            Header header = new Header(head);
            RowParser parser = format.parserFor(header, source.name());
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                line = csv.line();
                if (row.length == 1 && row[0].isBlank()) {
                    continue; // an empty line is not a row
                }
                read++;
                Incident incident;
                try {
                    if (row.length != header.size()) {
                        throw new RejectedRow("(row)", "expected " + header.size() + " fields, found " + row.length);
                    }
                    incident = parser.parse(row);
                } catch (RejectedRow r) {
                    rejected++;
                    RowProblem p = new RowProblem(line, r.field(), r.getMessage());
                    if (problems.size() < ImportReport.MAX_PROBLEMS) {
                        problems.add(p);
                    }
                    writer.reject(p.line(), p.field(), p.reason());
                    continue;
                }
                if (!incident.hasLocation()) {
                    noLocation++;
                } else if (boundaries != null && boundaries.locate(incident.lon(), incident.lat()) == WardIndex.OUTSIDE) {
                    outside++;
                } else {
                    imported++;
                }
                minMonth = Math.min(minMonth, incident.month());
                maxMonth = Math.max(maxMonth, incident.month());
                writer.add(line, incident);
            }
        } catch (CsvReader.CsvException e) {
            throw new ImportException(source.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(source.name() + ": cannot be read, it is truncated or damaged after line " + line
                    + " (" + e.getMessage() + "); nothing was imported", e);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Optional<ImportedFile> earlier = writer.endFile(sha);
        if (earlier.isPresent()) {
            return new ImportReport.FileReport(source.name(), sha, true,
                    earlier.get().source() + " at " + earlier.get().importedAt(),
                    new ImportReport.Counts(0, 0, 0, 0, 0), null, null, List.of());
        }
        ImportReport.FileReport report = new ImportReport.FileReport(source.name(), sha, false, null,
                new ImportReport.Counts(read, imported, outside, noLocation, rejected),
                minMonth == Integer.MAX_VALUE ? null : org.wardheat.model.Period.text(minMonth),
                maxMonth == Integer.MIN_VALUE ? null : org.wardheat.model.Period.text(maxMonth), List.copyOf(problems));
        try {
            writer.setReport(sha, JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return report;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
