package org.wardheat.cli;

import org.wardheat.boundaries.WardDissolve;
import org.wardheat.service.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "dissolve", description = {
        "Make a boundary set of districts (or any grouping: CSP areas, neighbourhood policing areas) from the wards",
        "of a set, grouped by a ward property kept from the boundary file (e.g. LAD25CD); polygons are unioned,",
        "populations summed."})
final class DissolveCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--from", required = true, paramLabel = "SET", description = "The ward set to dissolve.")
    String from;
    @Option(names = "--by", required = true, paramLabel = "FIELD", description = "The ward property to group by, e.g. LAD25CD.")
    String by;
    @Option(names = "--id", required = true, paramLabel = "NEW", description = "The id of the new set.")
    String id;

    @Override
    public Integer call() {
        try (Workspace ws = data.open()) {
            WardDissolve.Result r = ws.dissolveBoundaries(from, by, id);
            System.out.printf("boundary set %s: %d areas from the %d wards of %s by %s (names from %s); %d with population%n",
                    id, r.areas().size(), r.members().values().stream().mapToInt(java.util.List::size).sum(), from, by,
                    r.nameField() == null ? "the codes" : r.nameField(), r.residents().size());
            for (Map.Entry<String, java.util.List<String>> e : r.members().entrySet()) {
                System.out.printf("%s\t%d wards%n", e.getKey(), e.getValue().size());
            }
        }
        return 0;
    }
}
