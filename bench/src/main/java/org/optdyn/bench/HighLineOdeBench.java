package org.optdyn.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.HighLineSystem;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeOptions;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.OdeTrajectory;

/**
 * The high-line ODE (sgd-ode.md §2.4/§3.1) on a power-law spectrum with J = 10⁴ distinct eigenvalues
 * (λ_i = ((i−½)/d)^{1/(1−β)}, β = 0.2), least squares, AdaGrad-Norm η = b = 1, X₀ = 0 and the power-law target
 * r_i(0) = λ_i^{−δ}/d with δ = 0.3 (the N15 setting), integrated to t = 100:
 * <ul>
 *   <li>{@link #dormandPrince}: Hipparchus DP 8(5,3) at rtol 1e-8 ({@link HighLineOde#solve});</li>
 *   <li>{@link #forwardEuler}: forward Euler at dt = 1e-2 on the same right-hand side (the reference
 *       implementation's scheme, there at dt = 1/256).</li>
 * </ul>
 * JMH gives the wall times; {@link #main} prints the accuracy study: each scheme's maximal relative risk error on
 * the grid t = 1..100 against DP853 at rtol 1e-13, its right-hand-side evaluations, and the Euler step (and
 * evaluations) needed for DP853's accuracy, measured by halving dt (Euler is first order, error ∝ dt).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class HighLineOdeBench {

    /** Distinct eigenvalues (the issue asks for 10⁴). */
    static final int J = 10_000;
    /** Horizon. */
    static final double T = 100;
    /** Euler step of the comparison. */
    static final double DT = 1e-2;
    /** Adaptive tolerance of the comparison. */
    static final double RTOL = 1e-8;

    private OdeProblem problem;
    private HighLineSystem system;

    static OdeProblem problem(double rtol) {
        DiscreteSpectrum sp = Spectra.powerLaw(J, 0.2);
        return OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.adaGradNorm(1, 1), grid())
                .withInitial(InitialOverlaps.powerLaw(sp, 0.3))
                .withOptions(OdeOptions.defaults().withRelativeTolerance(rtol).withGroupOverlaps(false));
    }

    /** t = 0, 1, 2, …, 100. */
    static TimeGrid grid() {
        return TimeGrid.linear(T, 101);
    }

    @Setup
    public void setup() {
        problem = problem(RTOL);
        system = HighLineSystem.of(problem);
        // The two variants must agree before timing: Euler at dt = 1e-2 is within 1% of DP853 at t = 100.
        double a = dormandPrince().riskAt(T);
        double b = euler(system, DT)[100];
        if (!(Math.abs(a - b) < 1e-2 * a)) {
            throw new IllegalStateException("DP853 and Euler disagree at t = 100: " + a + " vs " + b);
        }
    }

    @Benchmark
    public OdeTrajectory dormandPrince() {
        return HighLineOde.solve(problem).orElseThrow();
    }

    @Benchmark
    public double[] forwardEuler() {
        return euler(system, DT);
    }

    /** Forward Euler y ← y + dt f(t, y) to T; returns the risk at t = 0, 1, …, 100 (dt must divide 1). */
    static double[] euler(HighLineSystem sys, double dt) {
        double[] y = sys.initialState();
        long perUnit = Math.round(1 / dt);
        double[] risk = new double[(int) T + 1];
        risk[0] = sys.risk(0, y);
        long steps = Math.round(T / dt);
        for (long k = 0; k < steps; k++) {
            double t = k * dt;
            double[] f = sys.derivatives(t, y);
            for (int i = 0; i < y.length; i++) {
                y[i] += dt * f[i];
            }
            if ((k + 1) % perUnit == 0) {
                risk[(int) ((k + 1) / perUnit)] = sys.risk((k + 1) * dt, y);
            }
        }
        return risk;
    }

    static double maxRelativeError(double[] risk, double[] reference) {
        double e = 0;
        for (int i = 0; i < reference.length; i++) {
            e = Math.max(e, Math.abs(risk[i] - reference[i]) / reference[i]);
        }
        return e;
    }

    /** Accuracy study (run with {@code java -cp bench/target/benchmarks.jar org.optdyn.bench.HighLineOdeBench}). */
    public static void main(String[] args) {
        double[] ref = HighLineOde.solve(problem(1e-13)).orElseThrow().risk();
        OdeProblem p = problem(RTOL);
        HighLineOde.solve(p); // warm-up
        long t0 = System.nanoTime();
        OdeTrajectory dp = HighLineOde.solve(p).orElseThrow();
        double dpMs = (System.nanoTime() - t0) * 1e-6;
        double dpErr = maxRelativeError(dp.risk(), ref);
        System.out.printf(Locale.ROOT, "DP853 rtol %.0e: %d RHS evaluations, %.1f ms, max rel. risk error %.2e%n",
                RTOL, dp.rhsEvaluations(), dpMs, dpErr);
        HighLineSystem sys = HighLineSystem.of(p);
        double dt = DT;
        double eulerErr = Double.NaN;
        while (dt >= 1e-4) {
            euler(sys, dt); // warm-up
            long e0 = System.nanoTime();
            double[] r = euler(sys, dt);
            double ms = (System.nanoTime() - e0) * 1e-6;
            double err = maxRelativeError(r, ref);
            if (dt == DT) {
                eulerErr = err;
            }
            System.out.printf(Locale.ROOT, "Euler dt %.2e: %d RHS evaluations, %.1f ms, max rel. risk error %.2e%n",
                    dt, Math.round(T / dt), ms, err);
            dt /= 4;
        }
        // First order: error(dt) ≈ C dt, so matching DP853 needs dt* = DT · dpErr / eulerErr.
        double dtStar = DT * dpErr / eulerErr;
        System.out.printf(Locale.ROOT, "Euler needs dt ≈ %.2e (≈ %.2e RHS evaluations) for DP853's accuracy%n",
                dtStar, T / dtStar);
    }
}
