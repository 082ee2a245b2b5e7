package org.wardheat.model;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age group in whole years, e.g. {@code 16-24} (16 to 24 inclusive) or {@code 65+} ({@code to} null: and over).
 * A rate per population of a group counts the residents of the Census bands that make it up exactly.
 */
public record AgeGroup(int from, Integer to) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s*(?:-\\s*(\\d{1,3})|(\\+))");

    public AgeGroup {
        if (from < 0 || to != null && to < from) {
            throw new IllegalArgumentException("an age group runs from a lower to a higher age, not " + from + "-" + to);
        }
    }

    /** {@code 16-24} or {@code 65+}; null when the text is not of that form. */
    public static AgeGroup parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return null;
        }
        int from = Integer.parseInt(m.group(1));
        Integer to = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        return to != null && to < from ? null : new AgeGroup(from, to);
    }

    /**
     * The group of a Census band label: "Aged 15 years and under" is 0-15, "Aged 16 to 24 years" 16-24, "Aged 65 years
     * and over" 65+, "Aged 4 years" 4-4; null when the label names no ages.
     */
    public static AgeGroup ofCensusBand(String label) {
        List<Integer> n = Pattern.compile("\\d+").matcher(label).results().map(r -> Integer.valueOf(r.group())).toList();
        if (n.isEmpty()) {
            return null;
        }
        String l = label.toLowerCase(java.util.Locale.ROOT);
        if (l.contains("under")) {
            return new AgeGroup(0, l.contains("and under") ? n.get(0) : n.get(0) - 1);
        }
        if (l.contains("over") || l.contains("+")) {
            return new AgeGroup(n.get(0), null);
        }
        return new AgeGroup(n.get(0), n.size() > 1 ? n.get(1) : n.get(0));
    }

    public boolean contains(AgeGroup band) {
        return band.from >= from && (to == null || band.to != null && band.to <= to);
    }

    /** Whether the bands that lie within this group cover it exactly (no band is cut by it, no age left out). */
    public boolean madeOf(Collection<AgeGroup> bands) {
        int next = from;
        boolean open = false;
        for (AgeGroup b : bands.stream().sorted(java.util.Comparator.comparingInt(AgeGroup::from)).toList()) {
            if (!contains(b)) {
                if (b.from < (to == null ? Integer.MAX_VALUE : to + 1) && (b.to == null || b.to >= from)) {
                    return false; // the group cuts this band
                }
                continue;
            }
            if (b.from != next) {
                return false;
            }
            if (b.to == null) {
                open = true;
            } else {
                next = b.to + 1;
            }
        }
        return to == null ? open : next == to + 1;
    }

    @Override
    public String toString() {
        return to == null ? from + "+" : from + "-" + to;
    }
}
