package org.wardheat.query;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.PostcodeLocator;
import org.wardheat.imports.PostcodeLookup;
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
}
