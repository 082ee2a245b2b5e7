package org.wardheat.cli;

import org.wardheat.model.Role;
import org.wardheat.service.AccessService;
import org.wardheat.service.Actor;
import org.wardheat.service.Workspace;
import org.wardheat.store.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code wardheat users add|list|set-role|disable|enable|reset-password}: accounts, each change recorded in the audit trail. */
@Command(name = "users", description = "Manage accounts (roles: viewer, planner, analyst, admin).",
        subcommands = {UsersCommand.Add.class, UsersCommand.List.class, UsersCommand.SetRole.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.ResetPassword.class})
final class UsersCommand {

    @Command(name = "add", description = "Add an account; the password is read from the terminal, or from the first line of standard input.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, planner, analyst or admin.")
        String role;

        @Override
        public Integer call() throws Exception {
            Role r = Role.of(role);
            char[] password = PasswordInput.read("password for " + name);
            try (Workspace ws = data.open()) {
                Account a = new AccessService(ws.store()).add(Actor.cli(), name, r, password);
                System.out.println("added " + a.name() + " (" + a.role().word() + ")");
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the accounts.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            try (Workspace ws = data.open()) {
                for (Account a : ws.store().accounts().list()) {
                    System.out.printf("%-24s %-8s %-9s created %s%n", a.name(), a.role().word(), a.disabled() ? "disabled" : "active", a.createdAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "set-role", description = "Change an account's role.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Override
        public Integer call() {
            Role r = Role.of(role);
            try (Workspace ws = data.open()) {
                new AccessService(ws.store()).setRole(Actor.cli(), name, r);
                System.out.println(name + " is now " + r.word());
            }
            return 0;
        }
    }

    /** {@code disable} and {@code enable}: one account's access stopped or given back. */
    abstract static class Access implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Parameters(paramLabel = "NAME")
        String name;

        abstract boolean disabled();

        @Override
        public Integer call() {
            try (Workspace ws = data.open()) {
                new AccessService(ws.store()).setDisabled(Actor.cli(), name, disabled());
                System.out.println(name + " is " + (disabled() ? "disabled" : "enabled"));
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable an account: it can no longer sign in, and its sessions end.")
    static final class Disable extends Access {
        @Override
        boolean disabled() {
            return true;
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again.")
    static final class Enable extends Access {
        @Override
        boolean disabled() {
            return false;
        }
    }

    @Command(name = "reset-password", description = "Set a new password, read from the terminal or the first line of standard input.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            char[] password = PasswordInput.read("new password for " + name);
            try (Workspace ws = data.open()) {
                new AccessService(ws.store()).resetPassword(Actor.cli(), name, password);
                System.out.println("password of " + name + " changed");
            } finally {
                Arrays.fill(password, '\0');
            }
            return 0;
        }
    }
}
