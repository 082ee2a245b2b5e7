package org.wardheat.hotspot;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HarmWeightsTest {
    private static HarmWeights parse(String text, Double defaultWeight) throws Exception {
        return HarmWeights.parse("harm.csv", new StringReader(text), defaultWeight);
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text, null)).getMessage();
    }

    @Test
    void theFirstRowIsKeptUnlessItIsAHeader() throws Exception {
        assertEquals(Map.of("Burglary", 10.0, "Drugs", 1.0), parse("Burglary,10\nDrugs,1\n", null).weights(), "no header: the first row is a weight");
        assertEquals(Map.of("Burglary", 10.0, "Drugs", 1.0), parse("category,weight\r\nBurglary,10\r\n\r\nDrugs,1", null).weights());
        assertEquals(Map.of("Violence, with injury", 30.5), parse("\"Violence, with injury\",30.5\n", null).weights(), "quoted commas");
    }

    @Test
    void missingCategoriesAreListedUnlessThereIsADefault() throws Exception {
        HarmWeights table = parse("Burglary,10\n", null);
        String message = assertThrows(IllegalArgumentException.class, () -> table.requireAll(List.of("Burglary", "Robbery", "Drugs", "Robbery"))).getMessage();
        assertEquals("harm.csv has no harm weight for 2 categories: Drugs, Robbery; add them, or give a default weight", message);
        assertThrows(IllegalArgumentException.class, () -> table.of("Drugs"));
        assertEquals(10, table.of("Burglary"));
        HarmWeights withDefault = parse("Burglary,10\n", 0.5);
        withDefault.requireAll(List.of("Burglary", "Drugs"));
        assertEquals(0.5, withDefault.of("Drugs"));
        assertEquals(10, withDefault.of("Burglary"));
    }

    @Test
    void badRowsNameTheLineAndField() {
        assertEquals("harm.csv: line 3: field weight: expected a finite number of 0 or more, found 'ten'", error("category,weight\nBurglary,10\nDrugs,ten\n"));
        assertEquals("harm.csv: line 2: field weight: expected a finite number of 0 or more, found '-1'", error("Burglary,10\nDrugs,-1\n"));
        assertEquals("harm.csv: line 2: field category: 'Burglary' is given a weight twice", error("Burglary,10\nBurglary,1\n"));
        assertEquals("harm.csv: line 1: expected 2 fields, category and weight, found 3", error("Burglary,10,x\n"));
        assertEquals("harm.csv: no category,weight rows", error("category,weight\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("Burglary,10\n", Double.NaN));
    }
}
