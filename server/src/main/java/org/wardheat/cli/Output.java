package org.wardheat.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command writes its result: a file given with --output, or standard output (flushed, never closed). */
final class Output {
    private Output() {
    }

    static OutputStream open(Path file) throws IOException {
        if (file != null) {
            return Files.newOutputStream(file);
        }
        return new FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
