package org.wardheat.store;

/** One imported file of the import log: its report is the JSON text written at import. */
public record ImportedFile(long id, String source, String sha256, String importedAt, String report) {
}
