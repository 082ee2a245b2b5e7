package org.wardheat.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool for expensive analyses: at most {@code threads} run at once and {@code queue} wait; a job
 * beyond that is refused at once (the caller answers 503 with {@code Retry-After}). A job that runs longer than
 * the time budget, or is {@linkplain Job#cancel() cancelled} (its client left), has its thread interrupted,
 * which the kernels notice through {@link org.wardheat.Cancellation#check()}.
 */
public final class AnalysisPool implements AutoCloseable {

    /**
     * @param threads analyses running at once (default: the available processors)
     * @param queue   analyses waiting for a thread (default 8); more are refused
     * @param budget  running time allowed to one analysis (default 60 s)
     */
    public record Settings(int threads, int queue, Duration budget) {
        public Settings {
            if (threads < 1 || threads > 256 || queue < 0 || queue > 10_000 || budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("analysis pool settings out of range: " + threads + " threads, queue "
                        + queue + ", budget " + budget);
            }
        }

        public static Settings defaults() {
            return new Settings(Runtime.getRuntime().availableProcessors(), 8, Duration.ofSeconds(60));
        }
    }

    /** A submitted job. */
    public interface Job {
        /** Interrupts the job if it runs; a job still waiting runs its {@code skipped} action instead. */
        void cancel();
    }

    /** How often a running analysis's client is checked, in milliseconds. */
    static final long WATCH_MILLIS = 500;

    private final Settings settings;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService timer;

    public AnalysisPool(Settings settings) {
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        BlockingQueue<Runnable> waiting = settings.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue());
        executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS, waiting, r -> {
            Thread t = new Thread(r, "analysis-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analysis-budget");
            t.setDaemon(true);
            return t;
        });
    }

    public Settings settings() {
        return settings;
    }

    /** Analyses running now. */
    public int running() {
        return executor.getActiveCount();
    }

    /** Analyses waiting for a thread. */
    public int waiting() {
        return executor.getQueue().size();
    }

    /**
     * Queues {@code work}; returns null, running nothing, when the pool and its queue are full.
     *
     * @param skipped run instead of {@code work} when the job is cancelled before it starts
     */
    public Job submit(Runnable work, Runnable skipped) {
        Task task = new Task(work, skipped);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            return null;
        }
        return task;
    }

    /** Cancels {@code job} when {@code gone} (asked every {@link #WATCH_MILLIS} ms until the job ends) turns true. */
    public void watch(Job job, java.util.function.BooleanSupplier gone) {
        Task task = (Task) job;
        ScheduledFuture<?> watcher = timer.scheduleWithFixedDelay(() -> {
            if (!task.isFinished() && gone.getAsBoolean()) {
                task.cancel();
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        task.whenFinished(() -> watcher.cancel(false));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    private final class Task implements Runnable, Job {
        private final Runnable work;
        private final Runnable skipped;
        private Thread runner;
        private boolean cancelled;
        private boolean finished;
        private final List<Runnable> onFinish = new java.util.ArrayList<>();

        Task(Runnable work, Runnable skipped) {
            this.work = work;
            this.skipped = skipped;
        }

        @Override
        public void run() {
            boolean start;
            synchronized (this) {
                start = !cancelled;
                runner = start ? Thread.currentThread() : null;
            }
            if (!start) {
                try {
                    skipped.run();
                } finally {
                    finish();
                }
                return;
            }
            ScheduledFuture<?> deadline = timer.schedule(this::cancel, settings.budget().toMillis(), TimeUnit.MILLISECONDS);
            try {
                work.run();
            } finally {
                deadline.cancel(false);
                finish();
                Thread.interrupted(); // a cancel that came as the work ended must not reach the next job
            }
        }

        private void finish() {
            List<Runnable> actions;
            synchronized (this) {
                finished = true;
                runner = null;
                actions = List.copyOf(onFinish);
                onFinish.clear();
            }
            actions.forEach(Runnable::run);
        }

        synchronized boolean isFinished() {
            return finished;
        }

        /** Runs {@code action} when the job ends (at once if it has). */
        void whenFinished(Runnable action) {
            synchronized (this) {
                if (!finished) {
                    onFinish.add(action);
                    return;
                }
            }
            action.run();
        }

        @Override
        public synchronized void cancel() {
            if (finished) {
                return;
            }
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
