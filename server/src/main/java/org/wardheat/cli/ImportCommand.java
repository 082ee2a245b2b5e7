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
    @Option(names = "--format", defaultValue = "text", description = "Report format: text or json.")
    String format;
    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = data.open()) {
            ImportOptions options = new ImportOptions(dataset, preset, boundaries, columns);
            options.validate();
            ColumnMapping m = options.mapping(mapping != null ? ColumnMapping.read(mapping) : null);
            ImportReport report;
            org.wardheat.imports.PostcodeLocator.Result located = null;
            if (postcodeLookup != null) {
                if (m == null) {
                    throw new org.wardheat.query.InvalidParameterException("postcode-lookup", "locates council records; give --preset, --mapping or --column");
                }
                List<org.wardheat.imports.ImportSource> sources = new java.util.ArrayList<>();
                for (Path f : files) {
                    sources.addAll(org.wardheat.imports.ImportSource.of(f));
                }
                located = org.wardheat.imports.PostcodeLocator.locate(sources, m,
                        org.wardheat.imports.PostcodeLookup.read(postcodeLookup), org.wardheat.imports.ImportEncoding.parse(encoding));
                report = ws.importSources(located.sources(), options.format(located.mapping()), options.datasetOr(m), options.boundaries(),
                        java.nio.charset.StandardCharsets.UTF_8, org.wardheat.text.InputLimits.DEFAULT);
            } else {
                report = ws.importFiles(files, options.format(m), options.datasetOr(m), options.boundaries(),
                        org.wardheat.imports.ImportEncoding.parse(encoding), org.wardheat.text.InputLimits.DEFAULT);
            }
            java.util.Map<String, Object> audited = new java.util.LinkedHashMap<>();
            audited.put("preset", preset);
            audited.put("columns", columns);
            audited.put("encoding", encoding);
            new org.wardheat.service.AccessService(ws.store()).recordImport(org.wardheat.service.Actor.cli(), report, audited);
            if (format.equals("json")) {
                org.wardheat.export.Exporter.JSON.writerWithDefaultPrettyPrinter().writeValue(System.out, report);
                System.out.println();
            } else {
                System.out.print(report.toText());
            }
            if (located != null) {
                System.err.printf("postcodes: %d rows located by postcode; %d rows with a postcode not in %s%s%n", located.located(),
                        located.unmatched().values().stream().mapToInt(Integer::intValue).sum(), postcodeLookup.getFileName(),
                        located.unmatched().isEmpty() ? "" : ": " + String.join(", ", located.unmatched().keySet().stream().limit(50).toList())
                                + (located.unmatched().size() > 50 ? " … (" + located.unmatched().size() + " postcodes)" : ""));
            }
        }
        return 0;
    }
}
