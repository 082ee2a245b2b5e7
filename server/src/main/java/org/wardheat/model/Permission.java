package org.wardheat.model;

/** One thing a signed-in person may do; {@link Role} says which each role has. */
public enum Permission {
    /** Ward layers and tables, hotspot surfaces, the catalog lists (boundary sets, datasets, categories, months). */
    MAP,
    /** Save, list, rename and delete one's own focus areas, and their summaries. */
    OWN_AREAS,
    /** The strategic-assessment table. */
    STRATEGIC,
    /** Record-level results: repeat locations, encampments, the needle table and near-repeat results. */
    RECORDS,
    /** Downloads of record-level layers and of every other export, and reading everyone's focus areas. */
    EXPORT,
    /** Imports of incident files, boundary sets and population. */
    IMPORT,
    /** Deletion of a dataset or of one imported file with its rows. */
    DELETE_DATA,
    /** Accounts, the audit trail, and renaming or deleting anyone's focus areas. */
    ADMIN
}
