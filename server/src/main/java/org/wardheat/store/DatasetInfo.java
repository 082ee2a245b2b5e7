package org.wardheat.store;

import java.util.List;

/** A dataset with its incident count and the files imported into it, oldest first. */
public record DatasetInfo(String id, String kind, String addedAt, long incidents, List<ImportedFile> files) {
}
