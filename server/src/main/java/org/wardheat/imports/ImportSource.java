package org.wardheat.imports;

import org.wardheat.boundaries.WardPopulation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One CSV to import: a plain or gzipped file, or one member of a police.uk bulk {@code .zip} archive.
 * {@link #open()} can be called more than once (the content is hashed, then parsed).
 *
 * @param name   what messages and the import log call it, e.g. {@code kent.zip!2022-01/2022-01-kent-street.csv}
 * @param opener gives a fresh stream of the decompressed CSV bytes
 */
public record ImportSource(String name, Opener opener) {

    /** Opens the decompressed content. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /**
     * The sources in a file: a zip gives its {@code *-street.csv} members (other files, such as
     * outcomes and stop-and-search, are skipped); anything else is one CSV, gunzipped if it is gzip.
     */
    public static List<ImportSource> of(Path file) throws IOException {
        return of(file, file.getFileName().toString());
    }

    /** As {@link #of(Path)}, calling the file {@code displayName} (an uploaded file's own name). */
    public static List<ImportSource> of(Path file, String displayName) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        if (!isZip(file)) {
            return List.of(new ImportSource(displayName, () -> WardPopulation.open(file)));
        }
        List<ImportSource> members = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String entry = e.getName();
                if (!e.isDirectory() && entry.toLowerCase(Locale.ROOT).endsWith("-street.csv")) {
                    members.add(new ImportSource(displayName + "!" + entry, () -> openMember(file, entry)));
                }
            }
        } catch (ZipException e) {
            throw new IOException(displayName + ": not a readable zip archive: " + e.getMessage(), e);
        }
        members.sort((a, b) -> a.name().compareTo(b.name()));
        if (members.isEmpty()) {
            throw new IOException(displayName + ": the archive holds no *-street.csv file");
        }
        return members;
    }

    private static InputStream openMember(Path file, String entry) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(entry));
        return new BufferedInputStream(in, 1 << 16) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }
}
