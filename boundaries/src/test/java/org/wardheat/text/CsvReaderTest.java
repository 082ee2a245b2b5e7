package org.wardheat.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {
    /** Each record as "line: f1|f2|..." or "lines a-b field k: reason" for a refused one. */
    private static List<String> all(CsvReader csv) throws Exception {
        List<String> out = new ArrayList<>();
        while (true) {
            try {
                String[] r = csv.next();
                if (r == null) {
                    return out;
                }
                out.add(csv.line() + ": " + String.join("|", r));
            } catch (CsvReader.BadRecord b) {
                out.add("lines " + b.line() + "-" + b.lastLine() + " field " + b.field() + ": " + b.reason());
            }
        }
    }

    private static List<String> all(String text) throws Exception {
        return all(new CsvReader(new StringReader(text)));
    }

    @Test
    void quotesEscapesLineEndsAndLineNumbers() throws Exception {
        assertEquals(List.of("1: a|b|c", "2: x, y|say \"hi\"|", "3: last||"),
                all("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\nlast,,\n"));
    }

    @Test
    void crOnlyCrlfAndLfLineEndsAllEndRecords() throws Exception {
        assertEquals(List.of("1: a|b", "2: 1|2", "3: 3|4", "4: 5|6", "5: 7|8"), all("a,b\r1,2\r3,4\r\n5,6\n7,8"));
        assertEquals(List.of("1: a", "2: ", "3: b"), all("a\r\rb\r"), "an empty line is an empty record");
    }

    @Test
    void aQuotedFieldSpanningLinesIsRefusedWithItsLineRangeAndReadingGoesOn() throws Exception {
        List<String> r = all("a,b\n1,\"two\nthree\rfour\"\n5,6\n");
        assertEquals("1: a|b", r.get(0));
        assertEquals("lines 2-4 field 1: a quoted field opened on line 2 spans lines 2–4; a field must not hold a line break", r.get(1));
        assertEquals("5: 5|6", r.get(2));
        assertEquals(3, r.size());
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("a,b\n1,2\n3,\"open\n4,5\n"));
        csv.next();
        csv.next();
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class, csv::next);
        assertEquals(3, e.line());
        assertFalse(e instanceof CsvReader.BadRecord);
        assertEquals("line 3: a quoted field opened on this line is not closed before the end of the file (line 5)", e.getMessage());
    }

    @Test
    void strayQuotesControlCharactersAndTextAfterAQuoteAreRefused() throws Exception {
        assertEquals(List.of("1: a|b",
                "lines 2-2 field 1: a double quote inside unquoted field 2; quote the whole field and double the quote",
                "lines 3-3 field 0: text after the closing quote of field 1",
                "lines 4-4 field 1: control character U+0000 in field 2",
                "lines 5-5 field 0: control character U+0085 in field 1",
                "6: tab\there|ok"),
                all("a,b\n1,x\"y\n\"q\"z,2\n3,N\u0000UL\n\u0085,1\ntab\there,ok\n"));
    }

    @Test
    void fieldAndRecordLengthsAndFieldCountAreBounded() throws Exception {
        InputLimits small = new InputLimits(1 << 20, 100, 100, 10, 25, 10, 10, 10);
        List<String> r = all(new CsvReader(new StringReader("a,b\n0123456789,x\n0123456789a,x\n0123456789,0123456789,0123456789\n\"0123456789\"\"\",1\nok,1\n"), small));
        assertEquals(List.of("1: a|b", "2: 0123456789|x", "lines 3-3 field 0: field 1 is longer than 10 characters",
                "lines 4-4 field -1: the record is longer than 25 characters", "lines 5-5 field 0: field 1 is longer than 10 characters",
                "6: ok|1"), r);
        String many = ",".repeat(InputLimits.MAX_FIELDS) + "\nnext\n";
        assertEquals(List.of("lines 1-1 field -1: the record has more than 1024 fields", "2: next"), all(many));
        assertEquals(InputLimits.MAX_FIELDS, all(",".repeat(InputLimits.MAX_FIELDS - 1)).get(0).split("\\|", -1).length);
    }

    /** A reader of one 'a' line of {@code n} characters, then a short record; made as it is read. */
    private static Reader hugeLine(long n) {
        return new Reader() {
            long left = n;
            final char[] tail = "\nz,1\n".toCharArray();
            int tailPos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (left > 0) {
                    int k = (int) Math.min(len, left);
                    java.util.Arrays.fill(cbuf, off, off + k, 'a');
                    left -= k;
                    return k;
                }
                if (tailPos == tail.length) {
                    return -1;
                }
                int k = Math.min(len, tail.length - tailPos);
                System.arraycopy(tail, tailPos, cbuf, off, k);
                tailPos += k;
                return k;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aHugeLineIsRefusedWithoutBeingKept() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<String> r = all(new CsvReader(hugeLine(200_000_000L)));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(List.of("lines 1-1 field 0: field 1 is longer than 32768 characters", "2: z|1"), r);
        assertTrue(allocated < 8 << 20, "reading a 200-million-character line allocated " + allocated + " bytes");
    }

    @Test
    void textIsDecodedStrictlyNamingTheLine() throws Exception {
        byte[] latin1 = "a,b\nx,1\nCaf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvReader utf8 = new CsvReader(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8, InputLimits.DEFAULT);
        utf8.next();
        utf8.next();
        CsvReader.BadEncoding e = assertThrows(CsvReader.BadEncoding.class, utf8::next);
        assertEquals("line 3: byte 0xE9 at byte offset 11 is not valid UTF-8", e.getMessage());
        assertEquals(List.of("1: a|b", "2: x|1", "3: Café|2"),
                all(new CsvReader(new ByteArrayInputStream(latin1), Charset.forName("windows-1252"), InputLimits.DEFAULT)));
        byte[] utf8Text = "\uFEFFa\nnaïve – ok\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("1: a", "2: naïve – ok"), all(new CsvReader(new ByteArrayInputStream(utf8Text), StandardCharsets.UTF_8, InputLimits.DEFAULT)));
    }

    @Test
    void headerLookupIgnoresCaseAndSpacingAndRefusesDuplicates() throws Exception {
        Header h = new Header(new String[]{"Crime ID", "LSOA code", "crime_type", "", ""});
        assertEquals(0, h.find("crime_id"));
        assertEquals(1, h.find("lsoacode"));
        assertEquals(2, h.find("Crime type"));
        assertEquals(-1, h.find("Month"));
        CsvReader.CsvException e = assertThrows(CsvReader.CsvException.class,
                () -> Header.read(new CsvReader(new StringReader("Month,Crime type,month\n"))));
        assertEquals("line 1: duplicate column name 'month' (columns 1 and 3); rename one of them", e.getMessage());
        assertEquals("line 1: the file is empty: no header row",
                assertThrows(CsvReader.CsvException.class, () -> Header.read(new CsvReader(new StringReader("")))).getMessage());
    }

    @Test
    void onlyPlainDecimalsAreNumbers() {
        for (String ok : new String[]{"0", "-0.5123", "51.25", "123456.7", " 7 "}) {
            Decimal.parse(ok);
        }
        assertEquals(-0.5123, Decimal.parse("-0.5123"));
        for (String bad : new String[]{"0x1p-1", "0.52d", "0.52f", "1e-400", "1e5", "NaN", "Infinity", "+1", ".5", "5.",
                "1,000", "--1", "", "1 2", "٣"}) {
            assertThrows(NumberFormatException.class, () -> Decimal.parse(bad), bad);
        }
        assertNull(null);
    }
}
