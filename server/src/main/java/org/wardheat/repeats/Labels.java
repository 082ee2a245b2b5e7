package org.wardheat.repeats;

import java.util.Locale;

/** Normalises location labels so that the same place written differently groups together. */
public final class Labels {
    private Labels() {
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
