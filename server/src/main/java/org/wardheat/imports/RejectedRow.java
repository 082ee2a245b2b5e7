package org.wardheat.imports;

/** Thrown by a {@link RowParser} for a row that cannot be imported; the import goes on with the next row. */
public final class RejectedRow extends Exception {
    private final String field;

    public RejectedRow(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
