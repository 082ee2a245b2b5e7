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
import org.wardheat.text.InputLimitException;
import org.wardheat.text.InputLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
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
 * is rejected with its line, field and reason and the import goes on. Bounded: the call stops, storing
 * nothing, at the first of the {@link InputLimits} it passes (decompressed bytes, compression ratio, rows,
 * datasets, categories); every CSV is read with the strict {@link CsvReader}.
 */
public final class Importer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final InputLimits limits;

    public Importer(Store store) {
        this(store, InputLimits.DEFAULT);
    }

    /** An importer with other limits than {@link InputLimits#DEFAULT} (tests try the limits with small ones). */
    public Importer(Store store, InputLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** As {@link #importSources(List, IncidentFormat, String, WardIndex, String, Charset)} in UTF-8. */
    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      WardIndex boundaries, String boundariesName) {
        return importSources(sources, format, dataset, boundaries, boundariesName, StandardCharsets.UTF_8);
    }

    /**
     * @param sources        the CSVs to import
     * @param format         how to read their rows
     * @param dataset        the dataset to add to (created if new)
     * @param boundaries     the boundary set for the inside/outside counts, or {@code null}
     * @param boundariesName its id, for the report
     * @param encoding       the text encoding of the files ({@link ImportEncoding}); decoded strictly
     * @throws ImportException for a file that cannot be read or a call beyond the {@link InputLimits}; nothing is stored
     */
    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      WardIndex boundaries, String boundariesName, Charset encoding) {
        java.util.Map<String, WardIndex> loaded = boundaries == null || boundariesName == null ? java.util.Map.of()
                : java.util.Map.of(boundariesName, boundaries);
        return store.incidents().importing(loaded, writer -> {
            ImportBounds bounds = ImportBounds.begin(writer, dataset, limits);
            writer.ensureDataset(dataset, format.kind());
            List<ImportReport.FileReport> files = new ArrayList<>();
            ImportReport.Counts totals = new ImportReport.Counts(0, 0, 0, 0, 0);
            for (ImportSource source : sources) {
                ImportReport.FileReport report = importOne(writer, source, format, dataset, boundaries, boundariesName, encoding, bounds);
                files.add(report);
                totals = totals.plus(report.counts());
            }
            return new ImportReport(dataset, boundariesName, files, totals);
        });
    }

    private ImportReport.FileReport importOne(ImportWriter writer, ImportSource source, IncidentFormat format, String dataset,
                                              WardIndex boundaries, String boundariesName, Charset encoding, ImportBounds bounds) {
        // One pass: the content is hashed while it is parsed; if the hash shows it was imported before,
        // everything this file wrote is taken back.
        writer.beginFile(dataset, source.name());
        MessageDigest digest = sha256();
        long read = 0, imported = 0, outside = 0, noLocation = 0, rejected = 0;
        int minMonth = Integer.MAX_VALUE, maxMonth = Integer.MIN_VALUE;
        List<RowProblem> problems = new ArrayList<>();
        int line = 0;
        try (InputStream in = new DigestInputStream(source.open(limits, bounds.budget()), digest);
             CsvReader csv = new CsvReader(in, encoding, limits)) {
            Header header = Header.read(csv);
            RowParser parser = format.parserFor(header, source.name());
            while (true) {
                String[] row;
                RowProblem bad = null;
                try {
                    row = csv.next();
                    if (row == null) {
                        break;
                    }
                } catch (CsvReader.BadRecord r) {
                    row = null;
                    bad = new RowProblem(r.line(), header.name(r.field()), r.lastLine() > r.line()
                            ? "lines " + r.line() + "–" + r.lastLine() + " refused as one record: " + r.reason() : r.reason());
                }
                line = csv.line();
                if (row != null && row.length == 1 && row[0].isBlank()) {
                    continue; // an empty line is not a row
                }
                read++;
                bounds.row(source.name(), line);
                Incident incident = null;
                if (bad == null) {
                    try {
                        if (row.length != header.size()) {
                            throw new RejectedRow("(row)", "expected " + header.size() + " fields, found " + row.length);
                        }
                        incident = parser.parse(row);
                    } catch (RejectedRow r) {
                        bad = new RowProblem(line, r.field(), r.getMessage());
                    }
                }
                if (bad != null) {
                    rejected++;
                    if (problems.size() < ImportReport.MAX_PROBLEMS) {
                        problems.add(bad);
                    }
                    writer.reject(bad.line(), bad.field(), bad.reason());
                    continue;
                }
                bounds.category(source.name(), line, incident.category());
                writer.add(line, incident);
                if (!incident.hasLocation()) {
                    noLocation++;
                } else if (boundaries != null && outside(writer, boundariesName, boundaries, incident)) {
                    outside++;
                } else {
                    imported++;
                }
                minMonth = Math.min(minMonth, incident.month());
                maxMonth = Math.max(maxMonth, incident.month());
            }
        } catch (InputLimitException e) {
            throw new ImportException(e.getMessage(), e);
        } catch (CsvReader.BadEncoding e) {
            throw new ImportException(source.name() + ": " + e.getMessage() + "; nothing was imported. If the file is in"
                    + " another encoding, say which: " + ImportEncoding.ACCEPTED.stream().map(Charset::name).toList()
                    + " (--encoding on the command line, encoding= in the upload)", e);
        } catch (CsvReader.CsvException e) {
            throw new ImportException(source.name() + ": " + e.getMessage() + "; nothing was imported", e);
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

    /**
     * Whether the located incident just added lies outside the report's boundary set: as the store counted it
     * when the set is stored (one location per row), else located here.
     */
    private static boolean outside(ImportWriter writer, String setId, WardIndex boundaries, Incident incident) {
        Integer ward = setId == null ? null : writer.lastWard(setId);
        return (ward != null ? ward : boundaries.locate(incident.lon(), incident.lat())) == WardIndex.OUTSIDE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
