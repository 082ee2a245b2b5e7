package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.store.DatasetInfo;
import org.wardheat.store.ImportedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "datasets", description = "List datasets, their imported files, categories and months.")
final class DatasetsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;

    @Override
    public Integer call() {
        try (Workspace ws = data.open()) {
            for (DatasetInfo d : ws.store().importLog().datasets()) {
                System.out.printf("%s (%s): %,d incidents from %d files%n", d.id(), d.kind(), d.incidents(), d.files().size());
                for (ImportedFile f : d.files()) {
                    System.out.printf("  [%d] %s  imported %s%n", f.id(), f.source(), f.importedAt());
                }
            }
            System.out.println("categories: " + ws.categoryCounts());
            System.out.println("months: " + ws.monthCounts().keySet());
        }
        return 0;
    }
}
