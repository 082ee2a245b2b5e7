package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.output.CsvWriter;
import org.wardheat.output.WardOutput;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The selection and output options the record-level commands share (repeats, needles, encampments, near-repeat). */
final class RecordOptions {
    @Mixin
    DataOption data;
    @Mixin
    FilterOptions filter;
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
        return new RepeatService.Selection(filter.datasetSet(), filter.categorySet(), filter.period(), boundaries, ward, null);
    }

    interface CsvBody {
        void write(CsvWriter csv) throws Exception;
    }

    /** Writes {@code json} as JSON, or the CSV that {@code csv} writes. */
    int write(Object json, CsvBody csv) throws Exception {
        if (!List.of("csv", "json").contains(format)) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        try (OutputStream out = Output.open(output)) {
            if (format.equals("json")) {
                WardOutput.JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(out, json);
                out.write('\n');
            } else {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                csv.write(new CsvWriter(w));
                w.flush();
            }
        }
        return 0;
    }

}
