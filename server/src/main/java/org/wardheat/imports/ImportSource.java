package org.wardheat.imports;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.InputLimits;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One CSV to import: a plain or gzipped file, or one member of a police.uk bulk {@code .zip} archive.
 * {@link #open} gives the decompressed bytes, bounded by the {@link InputLimits} of the call; a zip member's
 * bytes are checked against the CRC-32 and size its archive records ({@link ZipFile} does not check them),
 * so a damaged member fails the import instead of giving half its rows.
 *
 * @param name   what messages and the import log call it, e.g. {@code kent.zip!2022-01/2022-01-kent-street.csv}
 * @param opener gives a fresh stream of the decompressed CSV bytes
 */
public record ImportSource(String name, Opener opener) {

    /** Opens the decompressed content within the limits of one import call. */
    public interface Opener {
        InputStream open(InputLimits limits, BoundedInput.Budget budget) throws IOException;
    }

    public InputStream open(InputLimits limits, BoundedInput.Budget budget) throws IOException {
        return opener.open(limits, budget);
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
            return List.of(new ImportSource(displayName, (limits, budget) -> BoundedInput.open(file, displayName, limits, budget)));
        }
        List<ImportSource> members = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String entry = e.getName();
                if (!e.isDirectory() && entry.toLowerCase(Locale.ROOT).endsWith("-street.csv")) {
                    String name = displayName + "!" + entry;
                    members.add(new ImportSource(name, (limits, budget) -> openMember(file, entry, name, limits, budget)));
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

    private static InputStream openMember(Path file, String entry, String name, InputLimits limits,
                                          BoundedInput.Budget budget) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry e = zip.getEntry(entry);
            InputStream checked = new CrcChecked(zip.getInputStream(e), e) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
            return new BufferedInputStream(BoundedInput.limit(checked, name, e.getCompressedSize(), limits, budget), 1 << 16);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * A zip member's bytes, checked at their end against the size and CRC-32 the archive records for it.
     */
    static class CrcChecked extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private final long expectedCrc;
        private final long expectedSize;
        private long size;
        private boolean checked;

        CrcChecked(InputStream in, ZipEntry entry) {
            super(in);
            this.expectedCrc = entry.getCrc();
            this.expectedSize = entry.getSize();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                crc.update(b);
                size++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
            } else {
                crc.update(b, off, n);
                size += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int k = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (k < 0) {
                    break;
                }
                skipped += k;
            }
            return skipped;
        }

        private void check() throws ZipException {
            if (checked) {
                return;
            }
            checked = true;
            if (expectedSize >= 0 && size != expectedSize) {
                throw new ZipException("the archive member is damaged: it decompresses to " + size
                        + " bytes but the archive records " + expectedSize);
            }
            if (expectedCrc >= 0 && crc.getValue() != expectedCrc) {
                throw new ZipException(String.format("the archive member is damaged: its CRC-32 is %08x but the archive"
                        + " records %08x", crc.getValue(), expectedCrc));
            }
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }
}
