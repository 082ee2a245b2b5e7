package org.wardheat.store;

/**
 * One cell of the {@code ward_count} aggregate: a boundary set's ward (or the place outside its wards),
 * a month, a category and a dataset.
 *
 * @param set      the boundary set id, or {@link WardCountStore#ALL} for the counts of every incident whatever the sets
 * @param ward     the ward code, or "" when {@code place} is not {@link WardCountStore#IN_WARD}
 * @param place    {@link WardCountStore#IN_WARD}, {@link WardCountStore#OUTSIDE} or {@link WardCountStore#NO_LOCATION}
 * @param month    the month as {@code yyyymm}
 * @param category the category as stored
 * @param dataset  the dataset id
 */
record CountKey(String set, String ward, int place, int month, String category, String dataset) {
}
