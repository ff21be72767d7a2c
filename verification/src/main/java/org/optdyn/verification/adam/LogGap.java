package org.optdyn.verification.adam;

import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Statistics;

/**
 * The one-sided test of a qualitative "slower than" claim on a log scale: {@code x_1..x_S} i.i.d. (one per random
 * rotation or instance), claim {@code E x > threshold}. The check fails only on evidence against the claim,
 * {@code mean + q se < threshold} with {@code q} the one-sided Student-t(S - 1) quantile at {@code alpha}, so its
 * false-failure probability is at most {@code alpha} whenever the claim holds (the log-losses are close to Normal,
 * and the t test is robust to moderate skew at these sizes). It passes as {@code (mean - threshold)/(q se) >= -1}.
 */
final class LogGap {

    private LogGap() {
    }

    static Check check(String metric, double[] x, double threshold, double alpha, String reason) {
        int s = x.length;
        double[] ms = Statistics.meanAndSe(x);
        double q = Statistics.studentQuantile(s - 1, 2 * alpha);
        double ratio = (ms[0] - threshold) / (q * ms[1]);
        return Check.atLeast(metric + ": (mean - threshold) / (q se)", ratio, -1.0, reason + "; mean "
                        + Statistics.fmt(ms[0]) + " +- " + Statistics.fmt(ms[1]) + " over " + s + ", threshold "
                        + Statistics.fmt(threshold),
                FalseFailure.probability(alpha, "one-sided Student-t(" + (s - 1) + ") quantile " + Statistics.fmt(q)
                        + ": the check fails only if mean + q se < threshold, probability <= " + alpha
                        + " whenever E x >= threshold"));
    }
}
