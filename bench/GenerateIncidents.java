import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Makes a synthetic police.uk street-level store of a given size by repeating the real Kent rows.
 *
 * <p>Copy 0 is every real row unchanged; copy k (k ≥ 1) is every real row again with its point moved by
 * Gaussian jitter of 50 m standard deviation in each direction (rounded to 6 decimal places as police.uk
 * publishes) and its Crime ID made unique (first 8 hex digits replaced by k). Months, categories and rows
 * without coordinates are kept as they are, so a store of N rows holds the real months (2014, 2018-19,
 * 2022, 2024) about N / 484,834 times over. The last copy is cut at exactly N rows.
 *
 * <p>Output: {@code OUT/copyNNN/YYYY-MM-kent-street.csv.gz}, one gzipped police.uk file per copy and month
 * (with the police.uk header), so `wardheat import`, PostGIS COPY and pandas all read the same files.
 *
 * <p>Usage: {@code java bench/GenerateIncidents.java REAL_POLICE_UK_DIR ROWS OUT_DIR}. Seeded: the same
 * arguments give the same files.
 */
public final class GenerateIncidents {
    private static final double JITTER_METRES = 50;
    private static final double METRES_PER_DEGREE_LAT = 111_320;

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java GenerateIncidents.java REAL_POLICE_UK_DIR ROWS OUT_DIR");
            System.exit(2);
        }
        Path real = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        List<Path> sources;
        try (Stream<Path> s = Files.walk(real)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz")).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IOException("no *-street.csv.gz files under " + real);
        }
        String header = null;
        List<String[]> months = new ArrayList<>(); // per source file: name, then rows
        List<List<String>> bodies = new ArrayList<>();
        long realRows = 0;
        for (Path p : sources) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
                String h = r.readLine();
                if (header == null) {
                    header = h;
                } else if (!header.equals(h)) {
                    throw new IOException(p + ": header differs from the first file's");
                }
                List<String> body = new ArrayList<>();
                for (String line; (line = r.readLine()) != null; ) {
                    body.add(line);
                }
                months.add(new String[]{p.getFileName().toString()});
                bodies.add(body);
                realRows += body.size();
            }
        }
        Random random = new Random(14);
        long written = 0;
        int files = 0;
        long bytes = 0;
        for (int copy = 0; written < rows; copy++) {
            Path dir = out.resolve(String.format(Locale.ROOT, "copy%03d", copy));
            Files.createDirectories(dir);
            for (int m = 0; m < bodies.size() && written < rows; m++) {
                Path file = dir.resolve(months.get(m)[0]);
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(file)), StandardCharsets.UTF_8), 1 << 16)) {
                    w.write(header);
                    w.write('\n');
                    for (String line : bodies.get(m)) {
                        if (written == rows) {
                            break;
                        }
                        w.write(copy == 0 ? line : jitter(line, copy, random));
                        w.write('\n');
                        written++;
                    }
                }
                files++;
                bytes += Files.size(file);
            }
        }
        System.out.printf(Locale.ROOT, "%,d rows (%,d real rows repeated) in %,d files, %,d bytes gzipped, under %s%n",
                written, realRows, files, bytes, out);
    }

    /** The row with its point jittered and its Crime ID made unique to the copy. */
    static String jitter(String line, int copy, Random random) {
        String[] f = line.split(",", -1);
        // police.uk quotes fields with commas only in Location and Last outcome category, both after Latitude
        if (!f[0].isEmpty() && f[0].length() >= 8) {
            f[0] = String.format(Locale.ROOT, "%08x", copy) + f[0].substring(8);
        }
        if (!f[4].isEmpty() && !f[5].isEmpty()) {
            double lon = Double.parseDouble(f[4]);
            double lat = Double.parseDouble(f[5]);
            double dLat = JITTER_METRES * random.nextGaussian() / METRES_PER_DEGREE_LAT;
            double dLon = JITTER_METRES * random.nextGaussian() / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat)));
            f[4] = String.format(Locale.ROOT, "%.6f", lon + dLon);
            f[5] = String.format(Locale.ROOT, "%.6f", lat + dLat);
        }
        return String.join(",", f);
    }

    /** gzip at the fastest level: the files are written once and read a few times. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
