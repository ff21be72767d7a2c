package org.optdyn.verification.averagecase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs independent replicates in parallel with results independent of the thread count: one
 * {@code L64X256MixRandom} is seeded once, and the per-replicate streams are split from it sequentially before any
 * work starts; results are returned in replicate order.
 */
final class Replicates {

    private Replicates() {
    }

    static <T> List<T> run(long seed, int count, int threads,
                           BiFunction<Integer, RandomGenerator.SplittableGenerator, T> task) {
        var root = RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X256MixRandom").create(seed);
        var streams = new ArrayList<RandomGenerator.SplittableGenerator>();
        for (int i = 0; i < count; i++) {
            streams.add(root.split());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < count; i++) {
                int idx = i;
                futures.add(pool.submit(() -> task.apply(idx, streams.get(idx))));
            }
            var out = new ArrayList<T>();
            for (var f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("replicate failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
