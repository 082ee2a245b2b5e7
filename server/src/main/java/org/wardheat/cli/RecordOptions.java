package org.wardheat.cli;

import org.wardheat.RepeatService;
import org.wardheat.analysis.Period;
import org.wardheat.output.CsvWriter;
import org.wardheat.output.WardOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The selection and output options the record-level commands share (repeats, needles, encampments, near-repeat). */
final class RecordOptions {
    @Mixin
    DataOption data;
    @Option(names = "--dataset", paramLabel = "NAME", description = "A dataset (repeatable; default: all).")
    List<String> datasets;
    @Option(names = "--category", paramLabel = "NAME", description = "A category (repeatable; default: all).")
    List<String> categories;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
    String to;
    @Option(names = "--boundaries", paramLabel = "ID", description = "Keep records in this set's wards, and name their wards.")
    String boundaries;
    @Option(names = "--ward", paramLabel = "CODE", description = "Keep records in this ward of --boundaries.")
    String ward;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--output", paramLabel = "FILE")
    Path output;

    RepeatService.Selection selection() {
        if (ward != null && boundaries == null) {
            throw new IllegalArgumentException("--ward needs --boundaries");
        }
        return new RepeatService.Selection(datasets == null ? Set.of() : Set.copyOf(datasets),
                categories == null ? Set.of() : Set.copyOf(categories), Period.of(from, to), boundaries, ward, null);
    }

    interface CsvBody {
        void write(CsvWriter csv) throws Exception;
    }

    /** Writes {@code json} as JSON, or the CSV that {@code csv} writes. */
    int write(Object json, CsvBody csv) throws Exception {
        if (!List.of("csv", "json").contains(format)) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        OutputStream out = output == null ? System.out : Files.newOutputStream(output);
        try {
            if (format.equals("json")) {
                WardOutput.JSON.writerWithDefaultPrettyPrinter().writeValue(new NonClosing(out), json);
                out.write('\n');
            } else {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csv.write(new CsvWriter(w));
                w.flush();
            }
            out.flush();
        } finally {
            if (output != null) {
                out.close();
            }
        }
        return 0;
    }

    /** Keeps Jackson from closing standard output. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }

    static List<Period> periods(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Period::parse).toList();
    }
}
