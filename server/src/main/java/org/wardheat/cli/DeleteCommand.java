package org.wardheat.cli;

import org.wardheat.service.AccessService;
import org.wardheat.service.Actor;
import org.wardheat.service.Workspace;
import org.wardheat.store.ImportLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code wardheat delete --dataset ID [--file N]}: withdraws a dataset, or one imported file, with its rows; recorded in the audit trail. */
@Command(name = "delete", description = "Delete a dataset, or one imported file of it (ids as 'wardheat datasets' lists them), with its incidents.")
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--dataset", required = true, paramLabel = "ID")
    String dataset;
    @Option(names = "--file", paramLabel = "N", description = "Only this imported file (its [N] in 'wardheat datasets').")
    Long file;

    @Override
    public Integer call() {
        try (Workspace ws = data.open()) {
            AccessService access = new AccessService(ws.store());
            ImportLog.Deletion d = file == null ? access.deleteDataset(Actor.cli(), dataset) : access.deleteFile(Actor.cli(), dataset, file);
            System.out.printf("deleted %s%s: %,d incidents from %d files%n", dataset, file == null ? "" : " file " + file, d.rows(), d.files().size());
        }
        return 0;
    }
}
