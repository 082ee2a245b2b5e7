package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ColumnMapping;
import org.wardheat.query.ImportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = {
        "Import police.uk street-level CSVs (plain, gzipped, or the bulk .zip archive), or council records",
        "(--preset needle-finds|encampments, or a column mapping), and print the import report.",
        "All files of one call are stored together or not at all; a file imported before adds nothing."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", paramLabel = "ID",
            description = "The boundary set for the 'outside every ward' count (default: the only set, if one).")
    String boundaries;
    @Option(names = "--dataset", description = "The dataset to add to (default: police-uk, or the preset's name).")
    String dataset;
    @Option(names = "--preset", paramLabel = "needle-finds|encampments", description = "Read council records with a ready column mapping.")
    String preset;
    @Option(names = "--mapping", paramLabel = "FILE", description = "A column mapping file: role = column per line (roles: "
            + "date, end_date, lon, lat, easting, northing, category, category_column, count, location, vehicles, people).")
    Path mapping;
    @Option(names = "--column", paramLabel = "ROLE=COLUMN", description = "Map one role to a column, over a preset or mapping (repeatable); category=NAME fixes the category.")
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
    @Option(names = "--encoding", paramLabel = "NAME", description = "The files' text encoding: UTF-8 (default),"
            + " windows-1252 or ISO-8859-1. Text is decoded strictly: a byte not valid in it refuses the file.")
    String encoding;
    @Option(names = "--postcode-lookup", paramLabel = "CSV", description = "Locate council records with a postcode and no"
            + " coordinates through this ONS Postcode Directory-style CSV (pcds/postcode + lat/long or oseast1m/osnrth1m).")
    Path postcodeLookup;
    @Option(names = "--area-totals", description = {"The files are counts by area and month (ward, district or LSOA code, or a name;",
            "see README 'Area totals'): stored as a dataset of kind area-totals, placed on --boundaries (default: every set) at import."})
    boolean areaTotals;
    @Option(names = "--category", description = "With --area-totals: the category of every row when the file has no category column.")
    String category;
    @picocli.CommandLine.Mixin
    ApportionmentOptions split; // with --area-totals: LSOA totals split over wards by population
    @Option(names = "--format", defaultValue = "text", description = "Report format: text or json.")
    String format;
    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        if (areaTotals) {
            return importAreaTotals();
        }
        try (Workspace ws = data.open()) {
            ImportOptions options = new ImportOptions(dataset, preset, boundaries, columns, postcodeLookup, null);
            options.validate();
            List<org.wardheat.imports.ImportSource> sources = new java.util.ArrayList<>();
            for (Path f : files) {
                try {
                    sources.addAll(org.wardheat.imports.ImportSource.of(f));
                } catch (java.io.IOException e) {
                    throw new org.wardheat.imports.ImportException(e.getMessage(), e);
                }
            }
            org.wardheat.query.Imports.Imported imported = org.wardheat.query.Imports.run(ws, options, sources,
                    mapping != null ? ColumnMapping.read(mapping) : null, org.wardheat.imports.ImportEncoding.parse(encoding));
            ImportReport report = imported.report();
            java.util.Map<String, Object> audited = new java.util.LinkedHashMap<>();
            audited.put("preset", preset);
            audited.put("columns", columns);
            audited.put("encoding", encoding);
            audited.put("postcode_lookup", imported.postcodes() == null ? null : imported.postcodes().lookup());
            new org.wardheat.service.AccessService(ws.store()).recordImport(org.wardheat.service.Actor.cli(), report, audited);
            if (format.equals("json")) {
                org.wardheat.export.Exporter.JSON.writerWithDefaultPrettyPrinter().writeValue(System.out, report);
                System.out.println();
            } else {
                System.out.print(report.toText());
            }
            org.wardheat.query.Imports.Postcodes located = imported.postcodes();
            if (located != null) {
                System.err.printf("postcodes: %d rows located by postcode; %d rows with a postcode not in %s%s%n", located.located(),
                        located.unmatchedRows(), located.lookup(),
                        located.unmatched().isEmpty() ? "" : ": " + String.join(", ", located.unmatched().keySet().stream().limit(50).toList())
                                + (located.unmatched().size() > 50 ? " … (" + located.unmatched().size() + " postcodes)" : ""));
            }
        }
        return 0;
    }

    private int importAreaTotals() throws Exception {
        if (mapping != null || !columns.isEmpty() || encoding != null) {
            throw new org.wardheat.query.InvalidParameterException("area-totals", "area totals are read by their own columns (month, area, category, count);"
                    + " --preset, --mapping, --column, --postcode-lookup and --encoding do not apply");
        }
        org.wardheat.query.Imports.checkAreaTotals(new ImportOptions(dataset, preset, boundaries, columns, postcodeLookup, null));
        try (Workspace ws = data.open()) {
            for (Path f : files) {
                org.wardheat.service.AreaTotalImport.Result r = ws.importAreaTotals(f, f.getFileName().toString(), dataset, category, boundaries, split.apportionment());
                java.util.Map<String, Object> audited = new java.util.LinkedHashMap<>();
                audited.put("area_totals", true);
                audited.put("category", category);
                new org.wardheat.service.AccessService(ws.store()).recordImport(org.wardheat.service.Actor.cli(), r.report(), audited);
                if (format.equals("json")) {
                    org.wardheat.export.Exporter.JSON.writerWithDefaultPrettyPrinter().writeValue(System.out, r);
                    System.out.println();
                    continue;
                }
                System.out.print(r.report().toText());
                for (org.wardheat.service.AreaTotalImport.SetPlacement p : r.placements()) {
                    System.out.printf(java.util.Locale.ROOT, "placed on %s: %.0f counted; %.0f exactly by code or name, %.3f by LSOA population"
                                    + " (estimate), %.0f unmatched; %.2f%% of the counts needed splitting between areas%n",
                            p.boundaries(), p.total(), p.exact(), p.apportioned(), p.unmatchedCount(), 100 * p.splitShare());
                    if (!p.unmatched().isEmpty()) {
                        System.out.println("  unmatched areas: " + String.join(", ", p.unmatched().keySet().stream().limit(30).toList())
                                + (p.unmatched().size() > 30 ? " … (" + p.unmatched().size() + " listed in the import log)" : ""));
                    }
                }
            }
        }
        return 0;
    }
}
