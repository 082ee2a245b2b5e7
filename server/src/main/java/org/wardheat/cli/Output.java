package org.wardheat.cli;

import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.query.Analyses;
import org.wardheat.query.Values;
import org.wardheat.service.Workspace;
import picocli.CommandLine.Option;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how a command writes its result: {@code --format} and {@code --output FILE} (or standard
 * output, flushed, never closed). Tables go through {@link Exporter}, as over HTTP.
 */
final class Output {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;
    @Option(names = "--format", defaultValue = "csv", description = "csv, json, geojson or gpkg (default: ${DEFAULT-VALUE}); gpkg needs --output.")
    String format;
    @Option(names = "--output", paramLabel = "FILE", description = "Write to a file instead of standard output.")
    Path output;

    /** The formats a table command writes. */
    static final String[] ALL = {"csv", "json", "geojson", "gpkg"};

    /** What a command computed: the value written as JSON, and the table (with GeoJSON members) written otherwise. */
    record Result(Object json, FeatureTable table, Map<String, ?> members) {
        Result(Object json, FeatureTable table) {
            this(json, table, Map.of());
        }
    }

    /** An analysis run on the data directory's {@link Analyses}, told the output format. */
    interface Analysis {
        Result run(Analyses analyses, String format) throws Exception;
    }

    /**
     * Checks the format (one of {@code formats}), opens the data directory, runs the analysis and writes its
     * JSON or its table.
     */
    int run(DataOption data, Analysis analysis, String... formats) throws Exception {
        String f = format(formats);
        try (Workspace ws = data.open()) {
            Result r = analysis.run(Analyses.of(ws), f);
            if (f.equals("json")) {
                json(r.json());
            } else {
                table(r.table(), f, r.members());
            }
            audit(ws, r.table(), f);
        }
        return 0;
    }

    /** Records the export in the audit trail: the table, format, rows, where to, and the command line's arguments. */
    private void audit(Workspace ws, FeatureTable table, String format) {
        if (table == null) {
            return;
        }
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        picocli.CommandLine line = command == null ? null : command.commandLine();
        detail.put("command", line == null ? null : line.getCommandSpec().qualifiedName());
        detail.put("format", format);
        detail.put("rows", table.rows().size());
        detail.put("output", output == null ? "standard output" : output.toAbsolutePath().toString());
        detail.put("arguments", line == null || line.getParseResult() == null ? java.util.List.of() : line.getParseResult().originalArgs());
        new org.wardheat.service.AccessService(ws.store()).record(org.wardheat.service.Actor.cli(), "export", table.name(), detail);
    }

    /** The format, one of {@code allowed}. */
    String format(String... allowed) {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        for (String a : allowed) {
            words.put(a, a);
        }
        String f = Values.choice("format", format, words);
        if (f.equals("gpkg") && output == null) {
            throw new org.wardheat.query.InvalidParameterException("output", "missing; a GeoPackage is written to a file, give --output FILE.gpkg");
        }
        return f;
    }

    /** Writes {@code table} as CSV, GeoJSON (with {@code members}) or GeoPackage. */
    void table(FeatureTable table, String format, Map<String, ?> members) throws IOException {
        if (table.parameters().get("disclosure") instanceof Map<?, ?> d) {
            System.err.println("disclosure control: k=" + d.get("k") + ", " + d.get("primary_cells") + " counts shown as <" + d.get("k") + ", "
                    + d.get("secondary_cells") + " more and " + d.get("derived_withheld") + " derived values withheld as [c]; recovery audit "
                    + d.get("recovery_audit"));
        }
        Exporter.Format f = Values.choice("format", format, Values.words(Exporter.Format.values()));
        if (f == Exporter.Format.GPKG) {
            Files.deleteIfExists(output);
            Exporter.geopackage(table, output);
            return;
        }
        try (OutputStream out = open()) {
            Exporter.write(table, f, members, out);
        }
    }

    /** Writes {@code value} as indented JSON. */
    void json(Object value) throws IOException {
        try (OutputStream out = open()) {
            Exporter.JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, value);
            out.write('\n');
        }
    }

    OutputStream open() throws IOException {
        if (output != null) {
            return Files.newOutputStream(output);
        }
        return new FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
