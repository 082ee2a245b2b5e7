package org.wardheat.query;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.PostcodeLocator;
import org.wardheat.imports.PostcodeLookup;
import org.wardheat.service.AreaTotalImport;
import org.wardheat.service.Workspace;
import org.wardheat.text.InputLimits;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one way point files are imported with {@link ImportOptions}, for the CLI's {@code import} and the HTTP upload
 * alike: the column mapping, the dataset, and with a postcode lookup the council rows located by their postcode
 * (unmatched postcodes reported by name).
 */
public final class Imports {
    private Imports() {
    }

    /**
     * What an import did: the report, and with a postcode lookup how many rows it located and which postcodes it
     * did not hold ({@code postcodes} null without a lookup).
     */
    public record Imported(ImportReport report, Postcodes postcodes) {
    }

    /**
     * @param lookup    the lookup file's name
     * @param located   rows located by their postcode
     * @param unmatched postcodes (as written, trimmed) not in the lookup → rows; those rows are stored without location
     */
    public record Postcodes(String lookup, int located, Map<String, Integer> unmatched) {
        /** The rows with a postcode the lookup does not hold. */
        public int unmatchedRows() {
            return unmatched.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Validates the options, then imports in one transaction.
     *
     * @param fromFile a column mapping read from a file (CLI {@code --mapping}), or null
     * @param encoding the files' text encoding
     */
    public static Imported run(Workspace workspace, ImportOptions options, List<ImportSource> sources, ColumnMapping fromFile,
                               Charset encoding) {
        options.validate();
        ColumnMapping m = options.mapping(fromFile);
        if (options.postcodeLookup() == null) {
            return new Imported(workspace.importSources(sources, options.format(m), options.datasetOr(m), options.boundaries(), encoding,
                    InputLimits.DEFAULT), null);
        }
        if (m == null) {
            throw new InvalidParameterException("postcode_lookup", "a postcode lookup (--postcode-lookup) locates council records; give a preset, a mapping or column roles");
        }
        PostcodeLocator.Result located = PostcodeLocator.locate(sources, m, PostcodeLookup.read(options.postcodeLookup()), encoding);
        ImportReport report = workspace.importSources(located.sources(), options.format(located.mapping()), options.datasetOr(m),
                options.boundaries(), StandardCharsets.UTF_8, InputLimits.DEFAULT); // the located copies are written in UTF-8
        return new Imported(report, new Postcodes(options.postcodeLookupName(), located.located(), located.unmatched()));
    }

    /**
     * Checks an area-total import's options (CLI {@code import --area-totals}, HTTP {@code area_totals=true}): the
     * dataset is named, and there is no preset, column role or postcode lookup (area totals are read by their own
     * columns); {@code category=NAME} alone names the category of every row of a file without a category column.
     */
    public static void checkAreaTotals(ImportOptions options) {
        boolean mapped = options.columns().keySet().stream().anyMatch(k -> !k.equals("category"));
        if (options.preset() != null || mapped || options.postcodeLookup() != null) {
            throw new InvalidParameterException("area_totals", "area totals are read by their own columns (month, area, category, count);"
                    + " a preset, a column mapping and a postcode lookup do not apply");
        }
        if (options.dataset() == null) {
            throw new InvalidParameterException("dataset", "area totals need a dataset name: 1 to 64 letters, digits, '.', '_' or '-'");
        }
        options.validate();
    }

    /** A file to import and the name it is reported by. */
    public record NamedFile(java.nio.file.Path path, String name) {
    }

    /**
     * Imports files of area totals ({@link AreaTotalImport}: no LSOA apportionment, so LSOA rows are unmatched), each
     * file in its own transaction as the CLI does, and answers one report for them all with every file's placements.
     */
    public static AreaTotalImport.Result areaTotals(Workspace workspace, ImportOptions options, List<NamedFile> files) {
        checkAreaTotals(options);
        List<ImportReport.FileReport> reports = new java.util.ArrayList<>();
        List<AreaTotalImport.SetPlacement> placements = new java.util.ArrayList<>();
        ImportReport.Counts totals = new ImportReport.Counts(0, 0, 0, 0, 0);
        String set = options.boundaries();
        for (NamedFile f : files) {
            AreaTotalImport.Result r = workspace.importAreaTotals(f.path(), f.name(), options.dataset(), options.columns().get("category"),
                    options.boundaries(), AreaTotalImport.Apportionment.NONE);
            reports.addAll(r.report().files());
            placements.addAll(r.placements());
            totals = totals.plus(r.report().totals());
            set = r.report().boundaries();
        }
        return new AreaTotalImport.Result(new ImportReport(options.dataset(), set, reports, totals), placements);
    }
}
