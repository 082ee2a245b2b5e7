package org.wardheat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.model.Role;
import org.wardheat.service.Workspace;
import org.wardheat.store.Account;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wardheat users ...}: the password from standard input, never an argument or the output; every change audited. */
class UsersCommandTest {
    static final String PASSWORD = "twelve chars or more";

    static String run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return code + "\n" + out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
    }

    @Test
    void accountsAreAddedChangedAndAudited(@TempDir Path dir) throws Exception {
        String data = dir.toString();
        assertTrue(run(PASSWORD + "\n", "users", "add", "sam", "--role", "planner", "--data", data).startsWith("0\nadded sam (planner)"));
        assertTrue(run("short\n", "users", "add", "kim", "--role", "viewer", "--data", data).startsWith("1\n"), "a short password is refused");
        assertTrue(run("", "users", "add", "kim", "--role", "chief", "--data", data).startsWith("1\n"), "no such role");
        assertTrue(run("", "users", "set-role", "sam", "analyst", "--data", data).startsWith("0\n"));
        assertTrue(run("", "users", "disable", "sam", "--data", data).startsWith("0\nsam is disabled"));
        assertTrue(run("another long password\n", "users", "reset-password", "sam", "--data", data).startsWith("0\n"));
        String list = run("", "users", "list", "--data", data);
        assertTrue(list.contains("sam") && list.contains("analyst") && list.contains("disabled"), list);
        try (Workspace ws = Workspace.open(dir)) {
            Account sam = ws.store().accounts().find("sam").orElseThrow();
            assertEquals(Role.ANALYST, sam.role());
            assertTrue(sam.passwordHash().startsWith("$2a$12$"), "bcrypt, cost 12");
            assertFalse(sam.passwordHash().contains("another"));
        }
        String trail = run("", "audit", "--data", data);
        for (String action : new String[] {"account-add\tsam", "account-role\tsam", "account-disable\tsam", "account-password\tsam"}) {
            assertTrue(trail.contains("\tcli\t" + action), action + " in\n" + trail);
        }
        assertTrue(trail.contains("\"from\":\"planner\",\"to\":\"analyst\""), trail);
        assertFalse(trail.contains(PASSWORD) || trail.contains("another long password"), "no password in the trail");
    }
}
