package org.optdyn.verification.experiment;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The calibrated Monte-Carlo statistics every experiment uses (issue 9): sample means and spreads over independent
 * runs, Student-t tests of means, chi-square tests of spreads and variances, each stating its distribution, quantile
 * and family-wise false-failure bound for its {@link Check}; plus the least-squares slopes of scaling plots.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Sample mean and sample standard deviation per grid index. */
    public record Stats(double[] mean, double[] sd, int runs) {
        /** @return the standard error {@code sd/sqrt(M)} at index j. */
        public double se(int j) {
            return sd[j] / Math.sqrt(runs);
        }
    }

    public static Stats stats(double[][] v) {
        int m = v.length;
        int n = v[0].length;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double[] row : v) {
                s += row[j];
            }
            mean[j] = s / m;
            double q = 0;
            for (double[] row : v) {
                q += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            sd[j] = m > 1 ? Math.sqrt(q / (m - 1)) : 0;
        }
        return new Stats(mean, sd, m);
    }

    // ---- calibrated Monte-Carlo checks (issue 9): each states the distribution, quantile and family-wise bound ----

    /** @return q with P(|T| &gt; q) = {@code twoSided} for T ~ Student-t({@code dof}) */
    public static double studentQuantile(int dof, double twoSided) {
        return new TDistribution(dof).inverseCumulativeProbability(1 - twoSided / 2);
    }

    /**
     * @return f with P(s &gt; f sigma) = {@code upper} for the sample sd s of {@code dof + 1} i.i.d. Normal values of sd
     *         sigma: f = sqrt(chi2_{1-upper}(dof) / dof)
     */
    public static double sdUpperFactor(int dof, double upper) {
        return Math.sqrt(new ChiSquaredDistribution(dof).inverseCumulativeProbability(1 - upper) / dof);
    }

    /** @return the grid indices {@code from, from + 1, ..., n - 1} */
    public static int[] range(int from, int n) {
        int[] r = new int[n - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /**
     * The mean of M runs against a prediction on several grid points, each point with its Student-t interval:
     * the check is {@code worst <= 1}, with worst = max_j |mean_j - prediction_j| / (q se_j + bias_j).
     *
     * @param worst      the largest ratio over the points
     * @param worstIndex the grid index where it is attained
     * @param quantile   q, the two-sided Student-t(M - 1) quantile at familyWise / points (Bonferroni)
     * @param points     number of grid points tested
     * @param runs       M
     * @param familyWise the bound on P(worst &gt; 1) when the claim holds
     */
    public record MeanTest(double worst, int worstIndex, double quantile, int points, int runs, double familyWise) {

        /** @return the false-failure bound and its derivation, for {@code Check} */
        public FalseFailure falseFailure() {
            return FalseFailure.probability(familyWise, basis());
        }

        /** @return the derivation in words */
        public String basis() {
            return "per point (mean - E mean)/se ~ Student-t(" + (runs - 1) + ") (runs i.i.d. and close to Normal: "
                    + "a sum over d coordinates); two-sided quantile " + fmt(quantile) + " at " + fmt(familyWise / points)
                    + " per point, Bonferroni over " + points + " points: family-wise <= " + fmt(familyWise)
                    + " whenever |E mean - prediction| <= the stated bias allowance";
        }
    }

    /**
     * Student-t test of the mean of the runs against {@code prediction} at the given grid indices.
     *
     * @param bias       the a-priori bound on |E mean - prediction| per grid index (zeros for an exact prediction)
     * @param familyWise the family-wise false-failure probability, split evenly over the points (Bonferroni)
     */
    public static MeanTest meanTest(Stats s, double[] prediction, double[] bias, int[] indices, double familyWise) {
        double q = studentQuantile(s.runs() - 1, familyWise / indices.length);
        double worst = 0;
        int at = indices[0];
        for (int j : indices) {
            double gap = Math.abs(s.mean()[j] - prediction[j]);
            double allowance = q * s.se(j) + bias[j];
            double r = gap == 0 ? 0 : gap / allowance;
            if (r > worst || Double.isNaN(r)) {
                worst = r;
                at = j;
            }
        }
        return new MeanTest(worst, at, q, indices.length, s.runs(), familyWise);
    }

    /** @return an array of {@code n} copies of {@code v} (a constant bias allowance) */
    public static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * The spread of the runs against an a-priori fluctuation scale: worst = max_q s_q / (f sigma_q) over the given
     * grid indices, with s_q the sample sd of the M runs and f = {@link #sdUpperFactor} at familyWise / points.
     *
     * @param worst      the largest ratio (the check is worst &lt;= 1)
     * @param factor     f
     * @param points     number of grid points
     * @param runs       M
     * @param familyWise bound on P(worst &gt; 1) when every true sd is at most its sigma_q
     */
    public record SpreadTest(double worst, double factor, int points, int runs, double familyWise) {

        public FalseFailure falseFailure() {
            return FalseFailure.probability(familyWise, "(M - 1) s^2 / sigma^2 ~ chi-square(" + (runs - 1)
                    + ") for Normal runs; upper quantile factor sqrt(chi2/(M-1)) = " + fmt(factor) + " at "
                    + fmt(familyWise / points) + " per point, Bonferroni over " + points + " points: family-wise <= "
                    + fmt(familyWise) + " whenever each true sd is at most its stated scale");
        }
    }

    /** Upper test of the spread of the runs ({@code v[run][grid]}) at {@code indices} against {@code sigma[q]}. */
    public static SpreadTest spreadTest(double[][] v, int[] indices, double[] sigma, double familyWise) {
        var st = stats(v);
        double f = sdUpperFactor(st.runs() - 1, familyWise / indices.length);
        double worst = 0;
        for (int q = 0; q < indices.length; q++) {
            worst = Math.max(worst, st.sd()[indices[q]] / (f * sigma[q]));
        }
        return new SpreadTest(worst, f, indices.length, st.runs(), familyWise);
    }

    /**
     * Two-sided test of a sample variance against a predicted variance: worst = max(r / upper, lower / r) with
     * r = s^2 / sigma^2, and [lower, upper] the central 1 - {@code alpha} interval of chi-square(nu)/nu. For Normal
     * values nu = M - 1; a known excess kurtosis {@code kappa} of the values (a sum of k i.i.d. terms has the terms'
     * kurtosis divided by k) inflates Var(s^2)/sigma^4 from 2/(M-1) to about 2/(M-1) + kappa/M, which is matched by
     * the Satterthwaite choice nu = 2 / (2/(M-1) + kappa/M).
     *
     * @param worst the ratio (the check is worst &lt;= 1)
     * @param ratio r = s^2 / sigma^2
     */
    public record VarianceTest(double worst, double ratio, double lower, double upper, double dof, int runs, double alpha) {

        public FalseFailure falseFailure(String kurtosisBasis) {
            return FalseFailure.probability(alpha, "nu s^2 / sigma^2 ~ chi-square(nu) for near-Normal values, nu = "
                    + fmt(dof) + " (M = " + runs + ", " + kurtosisBasis + "); two-sided: s^2/sigma^2 in [" + fmt(lower)
                    + ", " + fmt(upper) + "], each tail " + fmt(alpha / 2));
        }
    }

    /**
     * The {@link VarianceTest} of {@code values}, when the prediction is known only up to a relative error
     * {@code relativeSystematic} (an a-priori bound on omitted higher-order terms; 0 for an exact prediction): the
     * ratio may lie anywhere in [lower (1 - delta), upper (1 + delta)].
     */
    public static VarianceTest varianceTest(double[] values, double predictedVariance, double relativeSystematic,
                                     double excessKurtosis, double alpha) {
        int m = values.length;
        double ratio = sampleVariance(values) / predictedVariance;
        double nu = 2 / (2.0 / (m - 1) + Math.max(0, excessKurtosis) / m);
        var chi = new ChiSquaredDistribution(nu);
        double lower = chi.inverseCumulativeProbability(alpha / 2) / nu * (1 - relativeSystematic);
        double upper = chi.inverseCumulativeProbability(1 - alpha / 2) / nu * (1 + relativeSystematic);
        double worst = Double.isFinite(ratio) ? Math.max(ratio / upper, lower / ratio) : Double.POSITIVE_INFINITY;
        return new VarianceTest(worst, ratio, lower, upper, nu, m, alpha);
    }

    /** @return the mean {@code sum v / n} of {@code v} */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return the sample standard deviation (divisor {@code n - 1}) of {@code v}, 0 for a single value */
    public static double sampleSd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** @return the sample variance (divisor n - 1) of {@code v} */
    public static double sampleVariance(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double q = 0;
        for (double x : v) {
            q += (x - mean) * (x - mean);
        }
        return q / (v.length - 1);
    }

    /** @return {@code ln v[run][j]} for every run: the log of one grid column */
    public static double[] logAt(double[][] v, int j) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.log(v[i][j]);
        }
        return r;
    }

    /** Mean and standard error of a sample. */
    public static double[] meanAndSe(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double q = 0;
        for (double v : x) {
            q += (v - m) * (v - m);
        }
        return new double[] {m, Math.sqrt(q / (x.length - 1) / x.length)};
    }

    /**
     * The O(d^-1/2) fluctuation test of a scaling plot. The standard deviation s over S independent runs of an
     * observable that is a smooth average over d coordinates is sigma(d) = (c + a/d) / sqrt(d) for constants c and
     * |a| &lt;= {@code biasConstant} c; ln s has variance 1/(2(S - 1)) to leading order for near-Normal runs,
     * independently across dimensions. So the least-squares slope of ln s on ln d is Normal with standard error
     * se = sqrt(1/(2(S - 1)) / Sxx) (Sxx the sum of squared deviations of ln d) and mean -1/2 + bias with
     * |bias| &lt;= biasConstant |sum (ln d_i - mean ln d) / d_i| / Sxx; the check is |slope - (-1/2)| &lt;= z se + bias,
     * z the two-sided Normal quantile at {@code alpha}.
     *
     * @param dims  the dimensions of the fit
     * @param runs  S, the runs per dimension
     * @param se    standard error of the slope
     * @param bias  bound on the slope's bias from the a/d term
     * @param z     two-sided Normal quantile
     * @param alpha false-failure probability of one check
     */
    public record FluctuationSlope(int[] dims, int runs, double se, double bias, double z, double alpha) {

        /** @return the tolerance z se + bias on |slope - predicted| */
        public double tolerance() {
            return z * se + bias;
        }

        /**
         * @param source where the derivation is written (named in the reason)
         * @return the check |slope - predicted| &lt;= {@link #tolerance()}
         */
        public Check check(String metric, double slope, double predicted, String source) {
            return Check.atMost(metric, Math.abs(slope - predicted), tolerance(), "least-squares slope over d = "
                            + Arrays.toString(dims) + ", " + runs + " runs each: se sqrt(1/(2(S-1))/Sxx) = "
                            + fmt(se) + ", plus the a/d bias bound " + fmt(bias) + " (" + source + ")",
                    FalseFailure.probability(alpha, "slope ~ Normal(-1/2 + bias, se^2) (ln s of Normal runs has "
                            + "variance 1/(2(S-1)), independent across d); two-sided z = " + fmt(z)));
        }
    }

    /** The {@link FluctuationSlope} test over {@code dims} with {@code runs} runs each. */
    public static FluctuationSlope fluctuationSlope(int[] dims, int runs, double biasConstant, double alpha) {
        double meanLog = 0;
        for (int dim : dims) {
            meanLog += Math.log(dim) / dims.length;
        }
        double sxx = 0;
        double biasSum = 0;
        for (int dim : dims) {
            sxx += (Math.log(dim) - meanLog) * (Math.log(dim) - meanLog);
            biasSum += (Math.log(dim) - meanLog) / dim;
        }
        double z = new NormalDistribution()
                .inverseCumulativeProbability(1 - alpha / 2);
        return new FluctuationSlope(dims.clone(), runs, Math.sqrt(1.0 / (2 * (runs - 1)) / sxx),
                biasConstant * Math.abs(biasSum) / sxx, z, alpha);
    }

    /** Least-squares slope of {@code log y} against {@code log x}. */
    public static double logLogSlope(double[] x, double[] y) {
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return slope(lx, ly);
    }

    /** Least-squares slope of {@code y} against {@code x}. */
    public static double slope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    public static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
