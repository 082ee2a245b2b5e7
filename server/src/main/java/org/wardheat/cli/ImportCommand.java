package org.wardheat.cli;

import org.wardheat.Workspace;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.IncidentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = {
        "Import police.uk street-level CSVs (plain, gzipped, or the bulk .zip archive) and print the import report.",
        "All files of one call are stored together or not at all; a file imported before adds nothing."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", paramLabel = "ID",
            description = "The boundary set for the 'outside every ward' count (default: the only set, if one).")
    String boundaries;
    @Option(names = "--dataset", defaultValue = "police-uk", description = "The dataset to add to (default: ${DEFAULT-VALUE}).")
    String dataset;
    @Option(names = "--format", defaultValue = "text", description = "Report format: text or json.")
    String format;
    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = data.open()) {
            ImportReport report = ws.importFiles(files, IncidentFormat.POLICE_UK, dataset, boundaries);
            if (format.equals("json")) {
                org.wardheat.output.WardOutput.JSON.writerWithDefaultPrettyPrinter().writeValue(System.out, report);
                System.out.println();
            } else {
                System.out.print(report.toText());
            }
        }
        return 0;
    }
}
