package org.wardheat.export;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Download file names: every selection of datasets and categories gets its own name (issue #12). */
class LayerNameTest {
    @Test
    void allCategoriesOneAndSeveralAreNamedApart() {
        assertEquals("wards_maidstone_2022-01_2022-12", Layers.name("wards", "maidstone", List.of(), "2022-01:2022-12", List.of()));
        assertEquals("wards_maidstone_burglary_2022-01_2022-12",
                Layers.name("wards", "maidstone", List.of(), "2022-01:2022-12", List.of("Burglary")));
        assertEquals("wards_maidstone_police_burglary_and_violence-and-sexual-offences_2022-01_2022-12",
                Layers.name("wards", "maidstone", List.of("police"), "2022-01:2022-12", List.of("Violence and sexual offences", "Burglary")));
    }

    @Test
    void manyCategoriesGetACountAndAHashSoTwoSelectionsDiffer() {
        String a = Layers.name("wards", "kent", List.of(), "2022-01:2022-12", List.of("A", "B", "C", "D"));
        String b = Layers.name("wards", "kent", List.of(), "2022-01:2022-12", List.of("A", "B", "C", "E"));
        assertEquals("wards_kent_4-categories-", a.substring(0, "wards_kent_4-categories-".length()));
        assertEquals(a.length(), b.length());
        assertNotEquals(a, b);
        assertEquals(a, Layers.name("wards", "kent", List.of(), "2022-01:2022-12", List.of("D", "C", "B", "A")), "order does not matter");
    }

    @Test
    void aCategoryOfOnlyPunctuationStillGetsAToken() {
        assertEquals("wards_kent_blank_2022-01_2022-12", Layers.name("wards", "kent", List.of(), "2022-01:2022-12", List.of("?!")));
    }
}
