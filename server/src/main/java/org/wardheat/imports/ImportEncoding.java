package org.wardheat.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text encodings an import may be read in: UTF-8 (the default, and police.uk's), and the two
 * single-byte encodings older council spreadsheets are saved in. Text is always decoded strictly: a byte
 * that is not valid in the encoding refuses the file with its line.
 */
public final class ImportEncoding {
    /** The encodings accepted, by their canonical names. */
    public static final List<Charset> ACCEPTED = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"),
            StandardCharsets.ISO_8859_1);

    private ImportEncoding() {
    }

    /**
     * @param name an encoding name or alias ({@code utf-8}, {@code cp1252}, {@code latin1}), or null/blank for UTF-8
     * @throws IllegalArgumentException naming the accepted encodings
     */
    public static Charset parse(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset c = Charset.forName(name.strip());
            if (ACCEPTED.contains(c)) {
                return c;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("encoding must be one of " + ACCEPTED.stream().map(Charset::name).toList()
                + ", not '" + org.wardheat.text.Text.shorten(name) + "'");
    }
}
