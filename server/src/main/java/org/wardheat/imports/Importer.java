package org.wardheat.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wardheat.boundaries.WardIndex;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
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
    private static final String INSERT = "INSERT INTO incident (dataset, file_id, line, month, date, end_date, category,"
            + " crime_id, lon, lat, location, lsoa, outcome, weight, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

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
        return store.inTransaction(db -> {
            Store.ensureDataset(db, dataset, format.kind());
            List<ImportReport.FileReport> files = new ArrayList<>();
            ImportReport.Counts totals = new ImportReport.Counts(0, 0, 0, 0, 0);
            for (ImportSource source : sources) {
                ImportReport.FileReport report = importOne(db, source, format, dataset, boundaries);
                files.add(report);
                totals = totals.plus(report.counts());
            }
            return new ImportReport(dataset, boundariesName, files, totals);
        });
    }

    private ImportReport.FileReport importOne(Connection db, ImportSource source, IncidentFormat format, String dataset,
                                              WardIndex boundaries) throws SQLException {
        // One pass: the content is hashed while it is parsed; if the hash shows it was imported before,
        // everything this file wrote is rolled back to the savepoint.
        Savepoint start = db.setSavepoint();
        long fileId = Store.logImport(db, dataset, source.name(), "pending-" + System.nanoTime());
        MessageDigest digest = sha256();
        long read = 0, imported = 0, outside = 0, noLocation = 0, rejected = 0;
        int minMonth = Integer.MAX_VALUE, maxMonth = Integer.MIN_VALUE;
        List<RowProblem> problems = new ArrayList<>();
        int line = 0;
        try (InputStream in = new DigestInputStream(source.open(), digest);
             CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             PreparedStatement insert = db.prepareStatement(INSERT);
             PreparedStatement problem = db.prepareStatement("INSERT INTO import_problem VALUES (?,?,?,?)")) {
            String[] head = csv.next();
            if (head == null) {
                throw new ImportException(source.name() + ": the file is empty");
            }
            Header header = new Header(head);
            RowParser parser = format.parserFor(header, source.name());
            int batch = 0;
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
                    problem.setLong(1, fileId);
                    problem.setInt(2, p.line());
                    problem.setString(3, p.field());
                    problem.setString(4, p.reason());
                    problem.addBatch();
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
                bind(insert, dataset, fileId, line, incident);
                insert.addBatch();
                if (++batch == 10_000) {
                    insert.executeBatch();
                    batch = 0;
                }
            }
            insert.executeBatch();
            problem.executeBatch();
        } catch (CsvReader.CsvException e) {
            throw new ImportException(source.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(source.name() + ": cannot be read, it is truncated or damaged after line " + line
                    + " (" + e.getMessage() + "); nothing was imported", e);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Optional<Store.ImportedFile> earlier = Store.findImport(db, dataset, sha);
        if (earlier.isPresent()) {
            db.rollback(start);
            return new ImportReport.FileReport(source.name(), sha, true,
                    earlier.get().source() + " at " + earlier.get().importedAt(),
                    new ImportReport.Counts(0, 0, 0, 0, 0), null, null, List.of());
        }
        db.releaseSavepoint(start);
        ImportReport.FileReport report = new ImportReport.FileReport(source.name(), sha, false, null,
                new ImportReport.Counts(read, imported, outside, noLocation, rejected),
                minMonth == Integer.MAX_VALUE ? null : org.wardheat.analysis.Period.text(minMonth),
                maxMonth == Integer.MIN_VALUE ? null : org.wardheat.analysis.Period.text(maxMonth), List.copyOf(problems));
        try {
            Store.setImportReport(db, fileId, sha, JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return report;
    }

    private static void bind(PreparedStatement ps, String dataset, long fileId, int line, Incident i) throws SQLException {
        ps.setString(1, dataset);
        ps.setLong(2, fileId);
        ps.setInt(3, line);
        ps.setInt(4, i.month());
        ps.setString(5, i.date());
        ps.setString(6, i.endDate());
        ps.setString(7, i.category());
        ps.setString(8, i.crimeId());
        if (i.hasLocation()) {
            ps.setDouble(9, i.lon());
            ps.setDouble(10, i.lat());
        } else {
            ps.setNull(9, Types.REAL);
            ps.setNull(10, Types.REAL);
        }
        ps.setString(11, i.location());
        ps.setString(12, i.lsoa());
        ps.setString(13, i.outcome());
        ps.setDouble(14, i.weight());
        ps.setString(15, i.extra());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
