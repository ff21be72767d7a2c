package org.optdyn.verification.games;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs independent tasks on a fixed number of threads; results come back in input order (thread-count independent). */
final class Parallel {

    private Parallel() {
    }

    static <T, R> List<R> map(List<T> inputs, int threads, Function<T, R> f) {
        if (threads <= 1 || inputs.size() <= 1) {
            return inputs.stream().map(f).toList();
        }
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
        try {
            var futures = new ArrayList<Future<R>>();
            for (T in : inputs) {
                futures.add(ex.submit(() -> f.apply(in)));
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
            throw new IllegalStateException(e.getCause());
        } finally {
            ex.shutdownNow();
        }
    }
}
