package org.wardheat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a password from the terminal without echo (asked twice), or, without a terminal, as the first line
 * of standard input (for scripts: {@code printf '%s\n' "$PW" | wardheat users add ...}). Never an argument,
 * which other users of the machine could see in the process list.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    static char[] read(String prompt) throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s (again): ", prompt);
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            java.util.Arrays.fill(again, '\0');
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password: type it at the terminal, or give it as the first line of standard input");
        }
        return line.toCharArray();
    }
}
