package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.HomogenizedSgd;
import org.optdyn.engine.stream.RunTrajectory;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StreamingSimulator;
import org.optdyn.engine.stream.Trajectory;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.OdeTrajectory;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * Shared plumbing of the SGD-versus-ODE experiments: parallel simulation with split streams, the reported risk of
 * each recorded overlap matrix B evaluated by the theory layer (so simulation and ODE are compared on the same
 * footing, sgd-ode.md §8 step 5), Monte-Carlo statistics over runs, and series for the figures.
 */
final class Runs {

    private Runs() {
    }

    /** Progress over a whole experiment: {@code total} runs of work. */
    static final class Progress {
        private final RunConfig config;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        Progress(RunConfig config, long total) {
            this.config = config;
            this.total = total;
        }

        void advance() {
            config.progress().advance(done.incrementAndGet(), total);
        }
    }

    /** Runs {@code runs} seeds of {@code spec}; the streams are the child {@code stream} of the master seed. */
    static List<Outcome<RunTrajectory>> simulate(SimulationSpec spec, RunConfig config, long stream, int runs,
                                                 Progress p) {
        return StreamingSimulator.runMany(spec, new RandomStreams(config.seed()).child(stream), runs,
                config.threads(), r -> p.advance());
    }

    /**
     * Runs {@code runs} seeds of homogenized SGD on {@code spec} (Euler–Maruyama, step 1/d); the streams are the
     * child {@code stream} of the master seed.
     */
    static List<Outcome<RunTrajectory>> simulateHomogenized(SimulationSpec spec, RunConfig config, long stream,
                                                            int runs, Progress p) {
        return HomogenizedSgd.runMany(spec, new RandomStreams(config.seed()).child(stream), runs, config.threads(),
                HomogenizedSgd.defaultStep(spec), r -> p.advance());
    }

    /** @return the completed trajectories, or throws naming the diverged run (used where divergence is a bug). */
    static List<Trajectory> completed(List<Outcome<RunTrajectory>> runs, String what) {
        var out = new ArrayList<Trajectory>();
        for (var r : runs) {
            if (r instanceof Outcome.Diverged<RunTrajectory> d) {
                throw new IllegalStateException(what + ": run " + d.partial().run() + " diverged at step " + d.step()
                        + ": " + d.reason());
            }
            out.add(r.value().trajectory());
        }
        return out;
    }

    /** @return the reported risk (§1.3) at every record of {@code t}, from B via the theory's model functions. */
    static double[] risk(Trajectory t, GlmModel model, double omega) {
        double[] r = new double[t.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = model.terms(t.b11()[j], t.b12()[j], t.b22()[j], omega * omega).risk();
        }
        return r;
    }

    /** @return {@code [run][grid]} reported risks. */
    static double[][] risks(List<Trajectory> runs, GlmModel model, double omega) {
        double[][] m = new double[runs.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = risk(runs.get(i), model, omega);
        }
        return m;
    }

    /** @return {@code [run][grid]} learning rates. */
    static double[][] learningRates(List<Trajectory> runs) {
        double[][] m = new double[runs.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = runs.get(i).learningRates();
        }
        return m;
    }

    /** Solves the ODE. */
    static Outcome<OdeTrajectory> ode(OdeProblem problem) {
        return HighLineOde.solve(problem);
    }

    /** @return the ODE trajectory, which must have completed. */
    static OdeTrajectory odeCompleted(OdeProblem problem) {
        return HighLineOde.solve(problem).orElseThrow();
    }

    /** Sample mean and sample standard deviation per grid index. */
    record Stats(double[] mean, double[] sd, int runs) {
        /** @return the standard error {@code sd/sqrt(M)} at index j. */
        double se(int j) {
            return sd[j] / Math.sqrt(runs);
        }
    }

    static Stats stats(double[][] v) {
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

    /** @return the index of time {@code t} in {@code times} (exact match of k/d). */
    static int indexOf(double[] times, double t) {
        for (int j = 0; j < times.length; j++) {
            if (Math.abs(times[j] - t) < 1e-12) {
                return j;
            }
        }
        throw new IllegalArgumentException("time " + t + " is not on the grid");
    }

    // ---- calibrated Monte-Carlo checks (issue 9): each states the distribution, quantile and family-wise bound ----

    /** @return q with P(|T| &gt; q) = {@code twoSided} for T ~ Student-t({@code dof}) */
    static double studentQuantile(int dof, double twoSided) {
        return new TDistribution(dof).inverseCumulativeProbability(1 - twoSided / 2);
    }

    /**
     * @return f with P(s &gt; f sigma) = {@code upper} for the sample sd s of {@code dof + 1} i.i.d. Normal values of sd
     *         sigma: f = sqrt(chi2_{1-upper}(dof) / dof)
     */
    static double sdUpperFactor(int dof, double upper) {
        return Math.sqrt(new ChiSquaredDistribution(dof).inverseCumulativeProbability(1 - upper) / dof);
    }

    /** @return the grid indices {@code from, from + 1, ..., n - 1} */
    static int[] range(int from, int n) {
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
    record MeanTest(double worst, int worstIndex, double quantile, int points, int runs, double familyWise) {

        /** @return the false-failure bound and its derivation, for {@code Check} */
        FalseFailure falseFailure() {
            return FalseFailure.probability(familyWise, basis());
        }

        /** @return the derivation in words */
        String basis() {
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
    static MeanTest meanTest(Stats s, double[] prediction, double[] bias, int[] indices, double familyWise) {
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
    static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
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
    record SpreadTest(double worst, double factor, int points, int runs, double familyWise) {

        FalseFailure falseFailure() {
            return FalseFailure.probability(familyWise, "(M - 1) s^2 / sigma^2 ~ chi-square(" + (runs - 1)
                    + ") for Normal runs; upper quantile factor sqrt(chi2/(M-1)) = " + fmt(factor) + " at "
                    + fmt(familyWise / points) + " per point, Bonferroni over " + points + " points: family-wise <= "
                    + fmt(familyWise) + " whenever each true sd is at most its stated scale");
        }
    }

    /** Upper test of the spread of the runs ({@code v[run][grid]}) at {@code indices} against {@code sigma[q]}. */
    static SpreadTest spreadTest(double[][] v, int[] indices, double[] sigma, double familyWise) {
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
    record VarianceTest(double worst, double ratio, double lower, double upper, double dof, int runs, double alpha) {

        FalseFailure falseFailure(String kurtosisBasis) {
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
    static VarianceTest varianceTest(double[] values, double predictedVariance, double relativeSystematic,
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

    /** @return the sample variance (divisor n - 1) of {@code v} */
    static double sampleVariance(double[] v) {
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
    static double[] logAt(double[][] v, int j) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.log(v[i][j]);
        }
        return r;
    }

    /** Mean and standard error of a sample. */
    static double[] meanAndSe(double[] x) {
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

    /** Figure series: the ODE as a line and every run as markers. */
    static List<Series> series(String label, double[] times, double[] ode, double[][] runs) {
        var s = new ArrayList<Series>();
        s.add(new Series("ODE " + label, Series.Kind.THEORY_LINE, times, ode));
        for (int i = 0; i < runs.length; i++) {
            s.add(new Series("SGD " + label + " seed " + i, Series.Kind.SIMULATION_MARKERS, times, runs[i]));
        }
        return s;
    }

    /** Least-squares slope of {@code log y} against {@code log x}. */
    static double logLogSlope(double[] x, double[] y) {
        double[] lx = new double[x.length];
        double[] ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return slope(lx, ly);
    }

    /** Least-squares slope of {@code y} against {@code x}. */
    static double slope(double[] x, double[] y) {
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

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
