package org.wardheat.cli;

import org.wardheat.model.CategoryGroups;
import org.wardheat.output.CsvWriter;
import org.wardheat.service.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Lists the category groups ({@code group:NAME} wherever a category is taken), or sets the data directory's
 * user groups from a {@code group,category} CSV (checked first; kept as {@code DIR/groups.csv}).
 */
@Command(name = "groups", description = {"List the category groups (select one as --category \"group:NAME\"), or set the user groups.",
        "Built in: All crime (police.uk categories except Anti-social behaviour), Anti-social behaviour and the Home Office groups."})
final class GroupsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--set", paramLabel = "CSV", description = "A group,category CSV (a header row is optional) to use as the user groups.")
    Path set;
    @Option(names = "--clear", description = "Remove the user groups.")
    boolean clear;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = data.open()) {
            Path target = data.dataDir.resolve("groups.csv");
            if (set != null) {
                CategoryGroups.install(CategoryGroups.read(set));
                Files.copy(set, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (clear) {
                Files.deleteIfExists(target);
                CategoryGroups.install(CategoryGroups.BUILT_IN);
            }
            Map<String, Long> counts = ws.categoryCounts();
            Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            CsvWriter csv = new CsvWriter(w).row("group", "category", "incidents");
            for (Map.Entry<String, Set<String>> g : CategoryGroups.installed().groups().entrySet()) {
                for (String c : g.getValue()) {
                    csv.row(g.getKey(), c, counts.getOrDefault(c, 0L));
                }
            }
            w.flush();
        }
        return 0;
    }
}
