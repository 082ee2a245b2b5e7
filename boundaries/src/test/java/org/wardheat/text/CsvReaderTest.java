package org.wardheat.text;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {
    @Test
    void quotesEscapesLineEndsAndLineNumbers() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",2,3\nlast,,\n"));
        assertArrayEquals(new String[]{"a", "b", "c"}, csv.next());
        assertEquals(1, csv.line());
        assertArrayEquals(new String[]{"x, y", "say \"hi\"", ""}, csv.next());
        assertEquals(2, csv.line());
        assertArrayEquals(new String[]{"two\nlines", "2", "3"}, csv.next());
        assertEquals(3, csv.line());
        assertArrayEquals(new String[]{"last", "", ""}, csv.next());
        assertEquals(5, csv.line(), "the record after a two-line field starts on line 5");
        assertNull(csv.next());
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("a,b\n1,2\n3,\"open\n"));
        csv.next();
        csv.next();
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, csv::next);
        assertEquals(3, e.line());
    }

    @Test
    void headerLookupIgnoresCaseAndSpacing() {
        Header h = new Header(new String[]{"Crime ID", "LSOA code", "crime_type"});
        assertEquals(0, h.find("crime_id"));
        assertEquals(1, h.find("lsoacode"));
        assertEquals(2, h.find("Crime type"));
        assertEquals(-1, h.find("Month"));
    }
}
