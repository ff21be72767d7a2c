package org.optdyn.verification.sam;

import java.util.function.DoublePredicate;
import org.optdyn.engine.optim.DoubleOracleStep;
import org.optdyn.engine.optim.GradientOracle;

/** Shared pieces of the SAM experiments: running an oracle step, and bisecting for a stability boundary. */
final class SamRuns {

    /** Steps of every stability test (sam.md §7.2: divergence within 2000 steps). */
    static final int STEPS = 2000;

    private SamRuns() {
    }

    /** Runs {@code steps} steps of {@code step} from {@code w} (updated in place). */
    static void run(DoubleOracleStep step, GradientOracle f, double[] w, double eta, int steps) {
        for (int t = 0; t < steps; t++) {
            step.step(w, f, eta);
        }
    }

    /**
     * Bisection for the boundary of a monotone instability: {@code unstable(lo)} must be false and
     * {@code unstable(hi)} true; halves until {@code hi - lo <= relWidth lo}.
     *
     * @return {@code {lo, hi}}, a bracket of the boundary
     */
    static double[] bracket(DoublePredicate unstable, double lo, double hi, double relWidth) {
        if (unstable.test(lo) || !unstable.test(hi)) {
            throw new IllegalStateException("no bracket: unstable(" + lo + ") = " + unstable.test(lo) + ", unstable("
                    + hi + ") = " + unstable.test(hi));
        }
        while (hi - lo > relWidth * lo) {
            double mid = 0.5 * (lo + hi);
            if (unstable.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new double[] {lo, hi};
    }

    /** @return {@code |pred/mid - 1|}, {@code mid} the bracket's midpoint. */
    static double deviation(double predicted, double[] bracket) {
        return Math.abs(predicted / (0.5 * (bracket[0] + bracket[1])) - 1);
    }

    /** @return {@code n} log-spaced points from {@code a} to {@code b}. */
    static double[] logSpaced(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.pow(b / a, n == 1 ? 0 : (double) i / (n - 1));
        }
        return x;
    }

    /** @return whether {@code |w(T)| > |w(0)|} (or is not finite): the linearised iterate did not contract. */
    static boolean grew(double w0, double wT) {
        return !(Math.abs(wT) <= Math.abs(w0));
    }
}
