package org.wardheat.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryGroupsTest {
    /** The fourteen police.uk categories published since May 2013. */
    static final List<String> POLICE_UK = List.of("Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
            "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
            "Vehicle crime", "Violence and sexual offences");

    @AfterEach
    void reset() {
        CategoryGroups.install(null);
    }

    @Test
    void allCrimeIsEveryPoliceUkCategoryButAntiSocialBehaviour() {
        Set<String> all = CategoryGroups.BUILT_IN.expand(List.of("group:All crime"));
        assertEquals(13, POLICE_UK.stream().filter(all::contains).count());
        assertFalse(all.contains("Anti-social behaviour"));
        assertTrue(all.containsAll(List.of("Violent crime", "Public disorder and weapons")), "the pre-2013 categories too");
        assertEquals(Set.of("Anti-social behaviour"), CategoryGroups.BUILT_IN.expand(List.of("group:Anti-social behaviour")));
    }

    @Test
    void everyPoliceUkCrimeCategoryIsInExactlyOneHomeOfficeGroup() {
        for (String c : POLICE_UK) {
            long groups = CategoryGroups.BUILT_IN.groups().entrySet().stream()
                    .filter(e -> !e.getKey().equals(CategoryGroups.ALL_CRIME) && e.getValue().contains(c)).count();
            assertEquals(1, groups, c);
        }
        assertEquals(Set.of("Burglary", "Robbery", "Vehicle crime", "Theft from the person", "Bicycle theft", "Shoplifting", "Other theft"),
                CategoryGroups.BUILT_IN.groups().get("Acquisitive crime"));
    }

    @Test
    void expandKeepsPlainNamesAndDropsDuplicates() {
        assertEquals(List.of("Drugs", "Burglary", "Robbery", "Vehicle crime", "Theft from the person", "Bicycle theft", "Shoplifting", "Other theft"),
                List.copyOf(CategoryGroups.BUILT_IN.expand(List.of("Drugs", "group:Acquisitive crime", "Burglary"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CategoryGroups.BUILT_IN.expand(List.of("group:Nope")));
        assertTrue(e.getMessage().startsWith("no category group 'Nope'; there are All crime, Anti-social behaviour, "), e.getMessage());
    }

    @Test
    void userGroupsFromACsvWithOrWithoutAHeader() throws Exception {
        CategoryGroups g = CategoryGroups.BUILT_IN.with("groups.csv", new StringReader(
                "group,category\nNight-time economy,Violence and sexual offences\nNight-time economy,Public order\n\"Theft, all\",Other theft\n"));
        assertEquals(Set.of("Violence and sexual offences", "Public order"), g.groups().get("Night-time economy"));
        assertEquals(Set.of("Other theft"), g.groups().get("Theft, all"));
        assertEquals(List.of("Night-time economy", "Theft, all"), g.names().subList(g.names().size() - 2, g.names().size()));
        CategoryGroups noHeader = CategoryGroups.BUILT_IN.with("g.csv", new StringReader("Mine,Drugs\n"));
        assertEquals(Set.of("Drugs"), noHeader.groups().get("Mine"));
    }

    @Test
    void badUserGroupsNameTheLineAndField() {
        IllegalArgumentException builtIn = assertThrows(IllegalArgumentException.class,
                () -> CategoryGroups.BUILT_IN.with("g.csv", new StringReader("group,category\nAll crime,Drugs\n")));
        assertEquals("g.csv: line 2: field group: 'All crime' is a built-in group; choose another name", builtIn.getMessage());
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> CategoryGroups.BUILT_IN.with("g.csv", new StringReader("Mine,Drugs,extra\n")));
        assertEquals("g.csv: line 1: expected 2 fields, group and category, found 3", fields.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CategoryGroups.BUILT_IN.with("g.csv", new StringReader("Mine,Drugs\nMine,\n")));
        assertEquals("g.csv: line 2: field category: empty", empty.getMessage());
    }
}
