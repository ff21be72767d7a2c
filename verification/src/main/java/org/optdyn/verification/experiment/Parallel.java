package org.optdyn.verification.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Independent tasks of an experiment (seeds, replicates, configurations) on a fixed number of threads, with results
 * returned in input order, so they do not depend on the thread count ({@link RunConfig#threads()}).
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * @return {@code f} applied to every input, in input order; with one thread (or one input) in the calling thread
     * @throws IllegalStateException wrapping the first failure of a task
     */
    public static <T, R> List<R> map(List<T> inputs, int threads, Function<T, R> f) {
        if (threads <= 1 || inputs.size() <= 1) {
            return inputs.stream().map(f).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
        try {
            var futures = new ArrayList<Future<R>>();
            for (T in : inputs) {
                futures.add(pool.submit(() -> f.apply(in)));
            }
            var out = new ArrayList<R>();
            for (Future<R> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return {@code f(0), ..., f(count - 1)} computed by {@link #map}. */
    public static <R> List<R> mapIndices(int count, int threads, IntFunction<R> f) {
        var idx = new ArrayList<Integer>(count);
        for (int i = 0; i < count; i++) {
            idx.add(i);
        }
        return map(idx, threads, f::apply);
    }

    /**
     * Replicates with split random streams: the {@code count} streams are split from {@code root} sequentially
     * before any work starts (stream i goes to replicate i), then the replicates run by {@link #map}.
     */
    public static <R> List<R> replicates(SplittableGenerator root, int count, int threads,
                                         BiFunction<Integer, SplittableGenerator, R> task) {
        var streams = new ArrayList<SplittableGenerator>(count);
        for (int i = 0; i < count; i++) {
            streams.add(root.split());
        }
        return mapIndices(count, threads, i -> task.apply(i, streams.get(i)));
    }
}
