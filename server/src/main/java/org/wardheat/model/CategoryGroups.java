package org.wardheat.model;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named groups of incident categories, selected as {@code group:NAME} wherever a category is
 * ({@code --category "group:All crime"}, {@code category=group:All crime}). The built-in groups map the
 * police.uk categories (current and pre-May-2013) to the Home Office groups partnerships report
 * ({@link #BUILT_IN}); user groups come from a {@code group,category} CSV and may add categories to a
 * built-in group's name only by defining a new name (a user group named as a built-in one is an error).
 *
 * <p>Mapping of each police.uk category (documented in the README too):
 * <ul>
 *   <li>All crime: every police.uk category below except Anti-social behaviour.</li>
 *   <li>Anti-social behaviour: Anti-social behaviour.</li>
 *   <li>Violence and sexual offences: Violence and sexual offences; Violent crime (before May 2013). police.uk
 *       publishes Home Office "violence against the person" and "sexual offences" as this one category,
 *       so the two groups cannot be told apart in its data.</li>
 *   <li>Acquisitive crime: Burglary, Robbery, Vehicle crime, Theft from the person, Bicycle theft,
 *       Shoplifting, Other theft.</li>
 *   <li>Criminal damage and arson: Criminal damage and arson.</li>
 *   <li>Public order: Public order; Public disorder and weapons (before May 2013, which also held
 *       weapons offences and cannot be split).</li>
 *   <li>Drugs: Drugs.</li>
 *   <li>Possession of weapons: Possession of weapons.</li>
 *   <li>Other crime: Other crime.</li>
 * </ul>
 * Immutable; names keep their order (built-in groups first, then the user's in file order).
 */
public final class CategoryGroups {
    /** The prefix that marks a group where a category is expected. */
    public static final String PREFIX = "group:";
    public static final String ALL_CRIME = "All crime";
    public static final String ASB = "Anti-social behaviour";

    /** The built-in groups: "All crime", "Anti-social behaviour", then the Home Office groups. */
    public static final CategoryGroups BUILT_IN = builtIn();

    private static volatile CategoryGroups installed = BUILT_IN;

    private final Map<String, Set<String>> groups;

    private CategoryGroups(Map<String, Set<String>> groups) {
        LinkedHashMap<String, Set<String>> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        this.groups = Collections.unmodifiableMap(copy);
    }

    private static CategoryGroups builtIn() {
        Map<String, Set<String>> g = new LinkedHashMap<>();
        List<String> violence = List.of("Violence and sexual offences", "Violent crime");
        List<String> acquisitive = List.of("Burglary", "Robbery", "Vehicle crime", "Theft from the person", "Bicycle theft",
                "Shoplifting", "Other theft");
        List<String> damage = List.of("Criminal damage and arson");
        List<String> order = List.of("Public order", "Public disorder and weapons");
        List<String> drugs = List.of("Drugs");
        List<String> weapons = List.of("Possession of weapons");
        List<String> other = List.of("Other crime");
        Set<String> all = new LinkedHashSet<>();
        for (List<String> l : List.of(violence, acquisitive, damage, order, drugs, weapons, other)) {
            all.addAll(l);
        }
        g.put(ALL_CRIME, all);
        g.put(ASB, Set.of(ASB));
        g.put("Violence and sexual offences", new LinkedHashSet<>(violence));
        g.put("Acquisitive crime", new LinkedHashSet<>(acquisitive));
        g.put("Criminal damage and arson", new LinkedHashSet<>(damage));
        g.put("Public order", new LinkedHashSet<>(order));
        g.put("Drugs", new LinkedHashSet<>(drugs));
        g.put("Possession of weapons", new LinkedHashSet<>(weapons));
        g.put("Other crime", new LinkedHashSet<>(other));
        return new CategoryGroups(g);
    }

    /** The groups in use: the built-in ones and those of the data directory's groups file ({@link #install}). */
    public static CategoryGroups installed() {
        return installed;
    }

    /** Makes {@code groups} the groups every selection expands (done once when a data directory is opened). */
    public static void install(CategoryGroups groups) {
        installed = groups == null ? BUILT_IN : groups;
    }

    /** The built-in groups plus the user groups of a {@code group,category} CSV (UTF-8; a header row is optional). */
    public static CategoryGroups read(Path file) throws IOException {
        try (Reader in = CsvReader.strictText(BoundedInput.open(file), StandardCharsets.UTF_8)) {
            return BUILT_IN.with(file.toString(), in);
        }
    }

    /** The data directory's user groups file, {@code groups.csv}, or just the built-in groups when there is none. */
    public static CategoryGroups ofDataDirectory(Path dataDir) throws IOException {
        Path f = dataDir.resolve("groups.csv");
        return Files.isRegularFile(f) ? read(f) : BUILT_IN;
    }

    /**
     * These groups plus those of a {@code group,category} CSV; errors name {@code source}, the line and the field.
     * A row of {@code group,category} as the first line is a header.
     */
    public CategoryGroups with(String source, Reader reader) throws IOException {
        Map<String, Set<String>> user = new LinkedHashMap<>();
        CsvReader csv = new CsvReader(reader);
        boolean first = true;
        for (String[] row = csv.nextPair(source, "group", "category"); row != null; row = csv.nextPair(source, "group", "category"), first = false) {
            String group = row[0].trim(), category = row[1].trim();
            if (first && group.equalsIgnoreCase("group") && category.equalsIgnoreCase("category")) {
                continue;
            }
            if (group.isEmpty() || category.isEmpty()) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": field " + (group.isEmpty() ? "group" : "category") + ": empty");
            }
            if (group.length() > 200 || category.length() > 200) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": names are at most 200 characters");
            }
            if (groups.containsKey(group)) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": field group: '" + group
                        + "' is a built-in group; choose another name");
            }
            user.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(category);
            if (user.size() > 500) {
                throw new IllegalArgumentException(source + ": more than 500 groups");
            }
        }
        Map<String, Set<String>> all = new LinkedHashMap<>(groups);
        all.putAll(user);
        return new CategoryGroups(all);
    }

    /** Group name → its categories, in order. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** The group names, built-in first. */
    public List<String> names() {
        return new ArrayList<>(groups.keySet());
    }

    /** Whether some group holds the category {@code name}. */
    public boolean isMember(String name) {
        return groups.values().stream().anyMatch(m -> m.contains(name));
    }

    public static boolean isGroup(String name) {
        return name.startsWith(PREFIX);
    }

    /**
     * The categories named: each {@code group:NAME} replaced by its categories, other names kept; order kept,
     * duplicates dropped.
     *
     * @throws IllegalArgumentException for an unknown group, listing the known ones
     */
    public Set<String> expand(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (isGroup(n)) {
                Set<String> members = groups.get(n.substring(PREFIX.length()));
                if (members == null) {
                    throw new IllegalArgumentException("no category group '" + n.substring(PREFIX.length()) + "'; there are "
                            + String.join(", ", groups.keySet()));
                }
                out.addAll(members);
            } else {
                out.add(n);
            }
        }
        return out;
    }
}
