package org.wardheat.imports;

/**
 * A row that was not imported, and why.
 *
 * @param line   the 1-based line in the source file
 * @param field  the column at fault, or {@code "(row)"} for the row as a whole
 * @param reason what is wrong, in words an analyst can act on
 */
public record RowProblem(int line, String field, String reason) {
}
