package org.wardheat.imports;

import java.util.List;

/**
 * What an import did, file by file. Every row read is one of: imported (stored, inside a ward of the
 * report's boundary set, or stored with a location when no set was named), outside every ward (stored),
 * without location (stored, police.uk {@code No Location}), or rejected (not stored; see problems).
 *
 * @param dataset    the dataset imported into
 * @param boundaries the boundary set used for the inside/outside counts, or {@code null}
 * @param files      one report per source file
 * @param totals     the sums over the files
 */
public record ImportReport(String dataset, String boundaries, List<FileReport> files, Counts totals) {

    /** Row counts; {@code rowsRead = imported + outside + withoutLocation + rejected}. */
    public record Counts(long rowsRead, long imported, long outside, long withoutLocation, long rejected) {
        public Counts plus(Counts o) {
            return new Counts(rowsRead + o.rowsRead, imported + o.imported, outside + o.outside,
                    withoutLocation + o.withoutLocation, rejected + o.rejected);
        }

        public long stored() {
            return imported + outside + withoutLocation;
        }
    }

    /**
     * @param source          the file (or archive member) name
     * @param sha256          the SHA-256 of its decompressed content, which identifies it for idempotence
     * @param alreadyImported true when the same content was imported before: nothing was added
     * @param previousImport  when and under what name it was imported before, or {@code null}
     * @param counts          the row counts (all zero when already imported)
     * @param firstMonth      the earliest month read ({@code YYYY-MM}), or {@code null}
     * @param lastMonth       the latest month read, or {@code null}
     * @param problems        the rejected rows, with line, field and reason (at most {@link #MAX_PROBLEMS})
     */
    public record FileReport(String source, String sha256, boolean alreadyImported, String previousImport,
                             Counts counts, String firstMonth, String lastMonth, List<RowProblem> problems) {
    }

    /** How many problems a report lists per file; all are kept in the import log table. */
    public static final int MAX_PROBLEMS = 100;

    /** A plain-text rendering for the command line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset ").append(dataset);
        sb.append(boundaries == null ? " (no boundary set: inside/outside not checked)\n" : ", boundary set " + boundaries + "\n");
        for (FileReport f : files) {
            sb.append(f.source()).append(": ");
            if (f.alreadyImported()) {
                sb.append("already imported (").append(f.previousImport()).append("); nothing added\n");
                continue;
            }
            Counts c = f.counts();
            sb.append(String.format("%d rows read: %d imported, %d outside every ward, %d without location, %d rejected",
                    c.rowsRead(), c.imported(), c.outside(), c.withoutLocation(), c.rejected()));
            if (f.firstMonth() != null) {
                sb.append(" [").append(f.firstMonth()).append(f.firstMonth().equals(f.lastMonth()) ? "" : " to " + f.lastMonth()).append("]");
            }
            sb.append('\n');
            for (RowProblem p : f.problems()) {
                sb.append("  ").append(f.source()).append(": line ").append(p.line()).append(", field '")
                        .append(p.field()).append("': ").append(p.reason()).append('\n');
            }
            if (c.rejected() > f.problems().size()) {
                sb.append("  ... and ").append(c.rejected() - f.problems().size()).append(" more rejected rows\n");
            }
        }
        Counts t = totals;
        sb.append(String.format("total: %d rows read: %d imported, %d outside every ward, %d without location, %d rejected%n",
                t.rowsRead(), t.imported(), t.outside(), t.withoutLocation(), t.rejected()));
        return sb.toString();
    }
}
