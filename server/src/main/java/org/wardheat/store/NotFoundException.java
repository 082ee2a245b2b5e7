package org.wardheat.store;

/** A named thing (boundary set, dataset) that the store does not hold. */
public class NotFoundException extends StoreException {
    public NotFoundException(String message) {
        super(message);
    }
}
