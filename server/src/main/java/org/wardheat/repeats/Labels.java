package org.wardheat.repeats;

import java.util.Locale;
import java.util.Set;

/** Normalises location labels so that the same place written differently groups together. */
public final class Labels {
    /**
     * police.uk's generic snap-point names, normalised: many separate anonymous points across a force area carry
     * each of them ("On or near Supermarket", "On or near Parking Area" ...), so they never name one place.
     */
    static final Set<String> GENERIC = Set.of("supermarket", "parking area", "shopping area", "petrol station",
            "sports recreation area", "hospital", "pedestrian subway", "park open space", "police station",
            "further higher educational building", "nightclub", "prison", "bus coach station",
            "conference exhibition centre", "theatre concert hall", "airport airfield", "place of worship",
            "train station", "no location", "on or near");

    private Labels() {
    }

    /** True for a blank label or a generic police.uk snap-point name ({@link #GENERIC}), which never groups records. */
    public static boolean isGeneric(String label) {
        String n = normalise(label);
        return n == null || GENERIC.contains(n);
    }

    /**
     * Lower case; police.uk's "On or near" dropped; "&amp;" as "and"; punctuation as spaces; spaces
     * collapsed. {@code "On or near  River Steps, (Lower)"} gives {@code "river steps lower"}.
     */
    public static String normalise(String label) {
        if (label == null) {
            return null;
        }
        String s = label.toLowerCase(Locale.ROOT).trim();
        if (s.startsWith("on or near ")) {
            s = s.substring("on or near ".length());
        }
        s = s.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim().replaceAll("\\s+", " ");
        return s.isEmpty() ? null : s;
    }
}
