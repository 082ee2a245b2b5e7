package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.boundaries.BoundaryReader;
import org.wardheat.store.BoundarySetInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "boundaries", description = "Add and list ward boundary sets.",
        subcommands = {BoundariesCommand.Add.class, BoundariesCommand.ListSets.class, DissolveCommand.class})
final class BoundariesCommand {

    @Command(name = "add", description = "Add a ward boundary GeoJSON (ONS, any vintage; lon/lat or British National Grid).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Option(names = "--id", required = true, description = "An id for the set, e.g. maidstone-2022.")
        String id;
        @Option(names = "--code-field", description = "The ward code property (default: detected, e.g. WD22CD).")
        String codeField;
        @Option(names = "--name-field", description = "The ward name property (default: detected, e.g. WD22NM).")
        String nameField;
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try (Workspace ws = data.open()) {
                BoundaryReader.Result r = ws.addBoundaries(id, file, codeField, nameField);
                System.out.printf("boundary set %s: %d wards from %s (code %s, name %s, read as %s)%n", id,
                        r.wards().size(), file.getFileName(), r.codeField(), r.nameField(), r.sourceCrs());
                if (!r.repaired().isEmpty()) {
                    System.out.println("repaired invalid polygons of: " + String.join(", ", r.repaired()));
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the boundary sets.")
    static final class ListSets implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Workspace ws = data.open()) {
                for (BoundarySetInfo b : ws.store().boundaries().list()) {
                    System.out.printf("%s\t%d wards\t%d with population\t%s\t%s%n", b.id(), b.wards(),
                            b.wardsWithPopulation(), b.source(), b.sourceCrs());
                }
            }
            return 0;
        }
    }
}
