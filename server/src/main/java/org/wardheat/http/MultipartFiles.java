package org.wardheat.http;

import org.wardheat.imports.Uploads;
import spark.Request;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a multipart upload (field {@code file}, repeatable; and {@code postcode_lookup} with an import), saved in a new directory of {@link Uploads}
 * (in the data directory) that is removed whatever happens: one way of taking uploads for every upload route
 * (incident files, a boundary set, a population table).
 */
final class MultipartFiles {
    /** A saved part: its path on disk, the file name the browser gave (its last path element only) and its form field. */
    record Saved(Path path, String name, String field) {
        Saved(Path path, String name) {
            this(path, name, "file");
        }
    }

    /** The form field of a postcode lookup sent with an import ({@link org.wardheat.query.ImportOptions#postcodeLookup()}). */
    static final String POSTCODE_LOOKUP = "postcode_lookup";

    /** What a route does with the saved files; runs while they exist. */
    interface Use {
        Object with(List<Saved> files) throws Exception;
    }

    private MultipartFiles() {
    }

    /**
     * Saves the request's {@code file} parts (at most {@code maxBytes} in all, enforced while streaming), calls
     * {@code use}, and deletes them.
     *
     * @throws IllegalArgumentException when the body is not multipart or holds no file
     */
    static Object receive(Request req, Path dataDir, long maxBytes, Use use) throws Exception {
        if (req.contentType() == null || !req.contentType().startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("send the files as multipart/form-data in a field named 'file'");
        }
        Path tmp = Uploads.newDirectory(dataDir);
        try {
            req.raw().setAttribute("org.eclipse.jetty.multipartConfig",
                    new MultipartConfigElement(tmp.toString(), maxBytes, maxBytes, 1 << 20));
            List<Saved> saved = new ArrayList<>();
            for (Part part : req.raw().getParts()) {
                if (!(part.getName().equals("file") || part.getName().equals(POSTCODE_LOOKUP)) || part.getSubmittedFileName() == null) {
                    continue;
                }
                String name = Path.of(part.getSubmittedFileName()).getFileName().toString();
                // the browser's name, made safe, so that the store records it as the source
                String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
                Path file = Files.createDirectories(tmp.resolve(String.valueOf(saved.size())))
                        .resolve(safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe);
                try (InputStream in = part.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                saved.add(new Saved(file, name, part.getName()));
            }
            if (saved.stream().noneMatch(f -> f.field().equals("file"))) {
                throw new IllegalArgumentException("no file in the upload: use a form field named 'file'");
            }
            return use.with(saved);
        } finally {
            Uploads.delete(tmp);
        }
    }
}
