package org.wardheat.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test access to the store's failure hooks and to the facts that show a store is unchanged. */
public final class StoreTestHooks {
    private StoreTestHooks() {
    }

    /**
     * Simulates a full disk: from the next write transaction on, the database may grow by at most
     * {@code sparePages} pages beyond its present size (a write beyond that fails with SQLITE_FULL).
     * Applies to every database of this JVM until {@link #freeDisk()}.
     */
    public static void fillDisk(Store store, int sparePages) {
        Database.pageLimitForTests = pageCount(store) + sparePages;
    }

    /** Ends {@link #fillDisk}. */
    public static void freeDisk() {
        Database.pageLimitForTests = 0;
    }

    public static long pageCount(Store store) {
        return store.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                return rs.getLong(1);
            }
        });
    }

    /**
     * What must not change when a write fails: {@code PRAGMA integrity_check}, then the row count of every
     * table, then the import log (dataset, source, sha256 and report of every file).
     */
    public static String state(Store store) {
        return store.database().read(c -> {
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    while (rs.next()) {
                        out.append("integrity_check: ").append(rs.getString(1)).append('\n');
                    }
                }
                for (String table : new String[]{"boundary_set", "ward", "ward_population", "dataset", "import_file",
                        "import_problem", "incident", "focus_area"}) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                        out.append(table).append(": ").append(rs.getLong(1)).append('\n');
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT dataset, source, sha256, report FROM import_file ORDER BY id")) {
                    while (rs.next()) {
                        out.append("file: ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                                .append(rs.getString(3)).append(' ').append(rs.getString(4)).append('\n');
                    }
                }
            }
            return out.toString();
        });
    }

    /**
     * An open write transaction on {@code store} (as an import in progress is), held on its own thread until
     * {@link #close()}, which lets it commit: it adds the dataset {@code id}.
     */
    public static final class WriteHold implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        public WriteHold(Store store, String id) throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try {
                    store.database().inTransaction(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("INSERT INTO dataset(id, kind, added_at) VALUES ('" + id + "', 'police-uk', '2026-01-01')");
                        }
                        holding.countDown();
                        try {
                            if (!release.await(60, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("never released");
                            }
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                    });
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }, "write-hold");
            holder.start();
            if (!holding.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not take the write lock", done.handle((v, e) -> e).getNow(null));
            }
        }

        public boolean isHolding() {
            return !done.isDone();
        }

        /** Lets the transaction commit, and waits for it. */
        @Override
        public void close() throws Exception {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }
}
