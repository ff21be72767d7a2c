package org.optdyn.engine.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs independent, index-seeded runs on a fixed pool and returns them in index order, so the result does not depend
 * on the thread count (each run derives its own streams from its index). Shared by the solvers of this package and {@code engine.erm}.
 */
public final class RunPool {

    private RunPool() {
    }

    /**
     * @param <T> the result of one run
     * @return {@code runOne.apply(r)} for {@code r = 0..runs-1}, in index order; {@code done} hears each index
     * @throws IllegalArgumentException if {@code runs < 0} or {@code threads < 1} (the solvers' public boundary)
     */
    public static <T> List<T> runAll(int runs, int threads, IntConsumer done, IntFunction<T> runOne) {
        Objects.requireNonNull(done, "done");
        if (runs < 0) {
            throw new IllegalArgumentException("runs must be >= 0, got " + runs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1 || runs <= 1) {
            var out = new ArrayList<T>(runs);
            for (int r = 0; r < runs; r++) {
                out.add(runOne.apply(r));
                done.accept(r);
            }
            return List.copyOf(out);
        }
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, runs));
        try {
            var futures = new ArrayList<Future<T>>(runs);
            for (int r = 0; r < runs; r++) {
                final int run = r;
                futures.add(ex.submit(() -> {
                    T o = runOne.apply(run);
                    done.accept(run);
                    return o;
                }));
            }
            var out = new ArrayList<T>(runs);
            for (var f : futures) {
                out.add(f.get());
            }
            return List.copyOf(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for runs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            ex.shutdownNow();
        }
    }
}
