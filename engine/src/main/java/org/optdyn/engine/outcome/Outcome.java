package org.optdyn.engine.outcome;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a solver run ended: it completed, or it diverged and stopped. Divergence is a result, never NaN values; a
 * diverged run still carries what was recorded before the blow-up. Every solver of optdyn returns one (the
 * optimizer driver, the quadratic runner, the streaming simulators, the ODE and the game solvers).
 *
 * @param <T> the solver's result: complete for {@link Completed}, partial (recorded before the blow-up) for
 *            {@link Diverged}
 */
public sealed interface Outcome<T> permits Outcome.Completed, Outcome.Diverged {

    /** @return the result if completed, else the partial result recorded before divergence. */
    T value();

    /** @return whether the run completed. */
    default boolean completed() {
        return this instanceof Completed;
    }

    /**
     * @return the result if completed
     * @throws IllegalStateException on divergence, naming its step, its time (when the solver has one) and reason
     */
    default T orElseThrow() {
        return switch (this) {
            case Completed<T> c -> c.result();
            case Diverged<T> d -> throw new IllegalStateException(d.describe());
        };
    }

    /** @return the same outcome (kind, step, time, reason) with {@code f} applied to its (possibly partial) value. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f");
        return switch (this) {
            case Completed<T> c -> new Completed<>(f.apply(c.result()));
            case Diverged<T> d -> new Diverged<>(d.step(), d.time(), d.reason(), f.apply(d.partial()));
        };
    }

    /**
     * The run did everything requested (every step, or up to the last grid time).
     *
     * @param result the solver's result
     * @param <T>    its type
     */
    record Completed<T>(T result) implements Outcome<T> {

        /** Validates the fields. */
        public Completed {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public T value() {
            return result;
        }
    }

    /**
     * The run stopped because it diverged (a value became non-finite or exceeded the solver's divergence threshold).
     *
     * @param step    where divergence was detected: the solver's step (or, for the ODE solver, the number of
     *                right-hand-side evaluations); each solver documents its convention
     * @param time    the continuous time of the stop for solvers that have one (the streaming simulators' {@code k/d},
     *                the ODE time); {@code NaN} for discrete solvers, which have only the step
     * @param reason  what was observed (human-readable)
     * @param partial what was recorded before the blow-up
     * @param <T>     the result type
     */
    record Diverged<T>(long step, double time, String reason, T partial) implements Outcome<T> {

        /** Validates the fields. */
        public Diverged {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(partial, "partial");
        }

        /** A divergence of a discrete solver, which has no continuous time ({@code time} is NaN). */
        public Diverged(long step, String reason, T partial) {
            this(step, Double.NaN, reason, partial);
        }

        @Override
        public T value() {
            return partial;
        }

        /** @return {@code "diverged at step <step> (t = <time>): <reason>"}, without the time part when it is NaN. */
        public String describe() {
            String at = Double.isNaN(time) ? "step " + step : "step " + step + " (t = " + time + ")";
            return "diverged at " + at + ": " + reason;
        }
    }
}
