package org.wardheat.cli;

import org.wardheat.CliTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;
import org.wardheat.model.CategoryGroups;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** User groups set from the command line, kept in the data directory and selected as group:NAME. */
class GroupsCommandTest extends CliTest {
    private ByteArrayOutputStream out, err;

    @BeforeEach
    void streams() {
        out = cli.out;
        err = cli.err;
    }

    @AfterEach
    void builtInGroupsOnly() {
        CategoryGroups.install(null);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aUserGroupIsKeptAndSelects() throws Exception {
        assertEquals(0, run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()));
        Path csv = Files.writeString(dir.resolve("2022-01.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                + row("2022-01", "Robbery", lon(0), LAT) + row("2022-01", "Drugs", lon(1), LAT) + row("2022-01", "Anti-social behaviour", lon(1), LAT));
        assertEquals(0, run("import", csv.toString()));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "group,category\nAll crime,Drugs\n");
        assertEquals(1, run("groups", "--set", bad.toString()));
        assertTrue(err.toString().contains("line 2: field group: 'All crime' is a built-in group"), err.toString());
        assertFalse(Files.exists(dir.resolve("data/groups.csv")), "a refused file is not kept");
        Path mine = Files.writeString(dir.resolve("mine.csv"), "group,category\nStreet robbery and burglary,Burglary\nStreet robbery and burglary,Robbery\n");
        assertEquals(0, run("groups", "--set", mine.toString()));
        assertTrue(out.toString().contains("Street robbery and burglary,Burglary,1\r\n"), out.toString());
        CategoryGroups.install(null); // a new process: read again from the data directory
        assertEquals(0, run("strategic", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01"));
        String table = out.toString();
        assertTrue(table.contains("\nStreet robbery and burglary,2,0,"), table);
        assertTrue(table.contains("\nAll crime,3,0,"), table);
        assertTrue(table.contains("\nAcquisitive crime,2,0,"), table);
        assertTrue(table.contains("\nAll,4,0,"), table);
        assertEquals(0, run("trends", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--category", "group:Street robbery and burglary"));
        assertTrue(out.toString().contains("\n2022,2022-01,1,2,,,\r\n"), out.toString());
        assertEquals(0, run("groups", "--clear"));
        assertEquals(2, run("trends", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--category", "group:Street robbery and burglary"));
        assertTrue(err.toString().contains("no category group 'Street robbery and burglary'"), err.toString());
    }
}
