package org.wardheat.query;

/**
 * The context layer of a boundary set (deprivation and residents by age per ward, stored with {@code context --store}).
 * HTTP {@code /api/context}.
 *
 * @param boundaries the boundary set (required)
 */
public record ContextQuery(String boundaries) {
    public ContextQuery {
        boundaries = Checks.required("boundaries", boundaries);
    }

    public void validate() {
        // the one parameter is checked on construction; the set's existence when it is read (404)
    }
}
