package org.optdyn.theory.ode;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/**
 * The deterministic equivalent of one-pass SGD on a GLM risk — the "high-line" ODE of [HL] eq. (9) / [HN] —
 * in the grouped overlap form of sgd-ode.md §2.4, integrated by Hipparchus' adaptive Dormand–Prince 8(5,3).
 *
 * <p>For groups j of equal eigenvalue λ_j (weight w_j = n_j/d), with H₁, H₂, 𝓘 evaluated at
 * B = Σ_j λ_j (p_j, c_j; c_j, s_j):
 * <pre>
 *   dp_j/dt = −4γ_t λ_j (H₁ p_j + H₂ c_j) + γ_t² λ_j w_j 𝓘,   dc_j/dt = −2γ_t λ_j (H₁ c_j + H₂ s_j),   ds_j/dt = 0.
 * </pre>
 * Least squares is integrated by default in its closed residual form (§3.1, [HL] eq. (8)):
 * dr_j/dt = −2γλ_j r_j + γ²λ_j w_j 𝓘 with 𝓘 = Σ_j λ_j r_j + ω², dc_j/dt = −γλ_j (c_j − s_j), which avoids the
 * cancellation in r = p − 2c + s as X → X*; {@link OdeOptions#generalForm()} forces the (p, c) system.
 * The residuals are stored scaled, r_j = e^L ρ_j with L' = Σ_j r_j'/Σ_j r_j (so Σρ ≡ 1): noiseless residuals that
 * decay like e^{−ρt} over long horizons keep full relative accuracy (sgd-ode.md §2.10), and scale-invariant rules
 * (line search, Polyak) never see 0/0.
 * Three accumulators ride along: ∫𝓘 (AdaGrad-Norm, §4.2), Γ = ∫γ, and ∫γ𝓘. State dimension 2J + 4; one
 * right-hand side costs O(J) plus, for logistic regression, one 2-D Gauss–Hermite rule (n² sigmoid evaluations).
 *
 * <p>Outputs are taken from the integrator's dense output (8th-order interpolant) at the grid times by a step
 * handler; divergence (risk above {@link OdeOptions#divergenceFactor()} × R(0)) stops the integration through an
 * event detector, and non-finite states or undefined learning rates are reported as {@link Outcome.Diverged}, whose
 * {@code step} is the number of right-hand-side evaluations so far and {@code time} the ODE time of the stop.
 */
public final class HighLineOde {

    private HighLineOde() {
    }

    /**
     * Integrates the problem over its grid. Never returns NaN curves: blow-ups come back as Diverged.
     *
     * @return the curves at every grid time, or {@link Outcome.Diverged} with the evaluations so far, the ODE time of
     *         the stop (the risk exceeded {@link OdeOptions#divergenceFactor()} × R(0), became non-finite, or the
     *         learning rule became undefined), its cause, and the grid points recorded before it
     */
    public static Outcome<OdeTrajectory> solve(OdeProblem problem) {
        var eq = new Equations(problem);
        TimeGrid grid = problem.grid();
        double[] y0 = eq.initialState();
        var recorder = new Recorder(eq, grid, problem.options().recordsGroups(eq.groups, grid.size()));
        Observables obs0;
        try {
            obs0 = eq.observe(0.0, y0);
        } catch (DivergenceSignal e) {
            return new Outcome.Diverged<>(0, 0.0, e.getMessage(), recorder.build(0));
        }
        if (!obs0.finite()) {
            throw new IllegalArgumentException("initial condition gives a non-finite risk or learning rate: risk "
                    + obs0.risk + ", learning rate " + obs0.gamma);
        }
        double tEnd = grid.last();
        if (tEnd == 0.0) {
            recorder.record(0.0, y0);
            return new Outcome.Completed<>(recorder.build(0));
        }
        OdeOptions opt = problem.options();
        int n = y0.length;
        double scale = 0;
        for (int j = 0; j < eq.groups; j++) {
            scale += Math.abs(y0[j]) + Math.abs(y0[eq.groups + j]) + eq.s[j];
        }
        scale = Math.max(scale, 1e-300);
        double atol = Double.isNaN(opt.absoluteTolerance()) ? opt.relativeTolerance() * 1e-12 * scale
                : opt.absoluteTolerance();
        double[] absTol = new double[n];
        double[] relTol = new double[n];
        java.util.Arrays.fill(absTol, atol);
        java.util.Arrays.fill(relTol, opt.relativeTolerance());
        var integrator = new DormandPrince853Integrator(0.0, tEnd, absTol, relTol);
        integrator.addStepHandler(recorder);
        double threshold = opt.divergenceFactor() * Math.max(Math.abs(obs0.risk), 1e-300);
        var detector = new DivergenceDetector(eq, threshold, tEnd);
        integrator.addEventDetector(detector);
        recorder.record(0.0, y0);
        try {
            ODEStateAndDerivative fin = integrator.integrate(eq, new ODEState(0.0, y0), tEnd);
            long evals = integrator.getEvaluations();
            if (detector.triggered) {
                return new Outcome.Diverged<>(evals, fin.getTime(), "risk exceeded " + opt.divergenceFactor()
                        + " x R(0) = " + threshold, recorder.build(evals));
            }
            return new Outcome.Completed<>(recorder.build(evals));
        } catch (DivergenceSignal e) {
            long evals = integrator.getEvaluations();
            return new Outcome.Diverged<>(evals, e.time, e.getMessage(), recorder.build(evals));
        } catch (MathRuntimeException e) {
            long evals = integrator.getEvaluations();
            return new Outcome.Diverged<>(evals, recorder.lastTime(), "integrator failure: " + e.getMessage(),
                    recorder.build(evals));
        }
    }

    /** Raised inside the right-hand side when the state or the learning rate stops being finite/defined. */
    private static final class DivergenceSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double time;

        DivergenceSignal(double time, String message) {
            super(message, null, false, false);
            this.time = time;
        }
    }

    /** Values derived from one state. */
    record Observables(double risk, double gamma, ModelTerms terms, double b11, double b12, double b22) {
        boolean finite() {
            return Double.isFinite(risk) && Double.isFinite(gamma) && gamma >= 0;
        }
    }

    /** The right-hand side (OrdinaryDifferentialEquation contract). */
    static final class Equations implements OrdinaryDifferentialEquation {
        private static final DoubleKernels K = Kernels.doubles();

        final int groups;
        final double[] lambda;
        final double[] lambdaSq;
        final double[] weight;
        final double[] s;
        final double b22;
        final double meanEigenvalue;
        final double secondMoment;
        /** Least squares in the scaled residual form r_j = e^L ρ_j (see the class javadoc). */
        final boolean residualForm;
        final GlmModel model;
        final LearningRateRule rule;
        final double noiseVariance;
        final InitialOverlaps initial;

        Equations(OdeProblem pb) {
            DiscreteSpectrum sp = pb.spectrum();
            groups = sp.groupCount();
            lambda = sp.eigenvalues();
            weight = sp.weights();
            lambdaSq = new double[groups];
            for (int j = 0; j < groups; j++) {
                lambdaSq[j] = lambda[j] * lambda[j];
            }
            s = pb.initial().s();
            b22 = K.dot(lambda, 0, s, 0, groups);
            meanEigenvalue = sp.meanEigenvalue();
            secondMoment = sp.secondMoment();
            model = pb.model();
            initial = pb.initial();
            double d0 = 0;
            for (double r : initial.residuals()) {
                d0 += r;
            }
            residualForm = model instanceof LeastSquares && !pb.options().generalForm() && d0 > 0;
            rule = pb.rule();
            noiseVariance = pb.noiseVariance();
        }

        /** State: [ρ_j or p_j | c_j | ∫𝓘 | Γ | ∫γ𝓘 | L]. */
        double[] initialState() {
            double[] y = new double[2 * groups + 4];
            if (residualForm) {
                double[] r = initial.residuals();
                double sum = 0;
                for (double v : r) {
                    sum += v;
                }
                for (int j = 0; j < groups; j++) {
                    y[j] = r[j] / sum;
                }
                y[2 * groups + 3] = Math.log(sum);
            } else {
                System.arraycopy(initial.p(), 0, y, 0, groups);
            }
            System.arraycopy(initial.c(), 0, y, groups, groups);
            return y;
        }

        @Override
        public int getDimension() {
            return 2 * groups + 4;
        }

        /** ω² e^{−L}: the noise in the scaled variables (0 without noise, avoiding 0·∞). */
        private double scaledNoise(double[] y) {
            return noiseVariance == 0 ? 0 : noiseVariance * Math.exp(-y[2 * groups + 3]);
        }

        Observables observe(double t, double[] y) {
            double b12 = K.dot(lambda, 0, y, groups, groups);
            double b11;
            ModelTerms terms;
            double gamma;
            if (residualForm) {
                double scale = Math.exp(y[2 * groups + 3]);
                double lrho = K.dot(lambda, 0, y, 0, groups);
                double lr = scale * lrho; // Σ λ_j r_j = B11 − 2B12 + B22, no cancellation
                b11 = lr + 2 * b12 - b22;
                double i = lr + noiseVariance;
                terms = new ModelTerms(0.5 * i, 0.5 * i, i, 0.5, -0.5, lr);
                gamma = switch (rule) {
                    // §5.1 LS: Σλ²r / (2m₂𝓡) = Σλ²ρ / (m₂(Σλρ + ω²e^{−L})), invariant under rescaling r.
                    case LearningRateRule.ExactLineSearch ls ->
                            K.dot(lambdaSq, 0, y, 0, groups) / (secondMoment * (lrho + scaledNoise(y)));
                    // §5.2 LS: (2𝓡 − ω²)/(2λ̄𝓡) = Σλρ / (λ̄(Σλρ + ω²e^{−L})).
                    case LearningRateRule.Polyak pk -> lrho / (meanEigenvalue * (lrho + scaledNoise(y)));
                    default -> learningRate(t, y, terms);
                };
            } else {
                b11 = K.dot(lambda, 0, y, 0, groups);
                terms = model.terms(b11, b12, b22, noiseVariance);
                gamma = learningRate(t, y, terms);
            }
            return new Observables(terms.risk(), gamma, terms, b11, b12, b22);
        }

        double learningRate(double t, double[] y, ModelTerms m) {
            return switch (rule) {
                case LearningRateRule.Constant c -> c.gamma();
                case LearningRateRule.Schedule sch -> sch.gamma().applyAsDouble(t);
                case LearningRateRule.AdaGradNorm a -> a.eta() / Math.sqrt(a.b() * a.b()
                        + meanEigenvalue * y[2 * groups]);
                case LearningRateRule.ExactLineSearch ls -> lineSearchRate(t, y, m);
                case LearningRateRule.Polyak pk -> m.distanceDecrease() / (meanEigenvalue * m.fisher());
            };
        }

        /** §5.1 general GLM: γ = 4Σλ²(H₁²p + 2H₁H₂c + H₂²s) / (2H₁ m₂ 𝓘). */
        private double lineSearchRate(double t, double[] y, ModelTerms m) {
            double h1 = m.h1();
            if (!(h1 > 0)) {
                throw new DivergenceSignal(t, "exact line search undefined: H1 = " + h1 + " <= 0 (sgd-ode.md §5.1)");
            }
            double h2 = m.h2();
            double sp = K.dot(lambdaSq, 0, y, 0, groups);
            double sc = K.dot(lambdaSq, 0, y, groups, groups);
            double ss = K.dot(lambdaSq, 0, s, 0, groups);
            double num = 4 * (h1 * h1 * sp + 2 * h1 * h2 * sc + h2 * h2 * ss);
            return num / (2 * h1 * secondMoment * m.fisher());
        }

        /** r_j at state y (fresh array of length J). */
        double[] residuals(double[] y) {
            double[] r = new double[groups];
            if (residualForm) {
                double scale = Math.exp(y[2 * groups + 3]);
                for (int j = 0; j < groups; j++) {
                    r[j] = scale * y[j];
                }
            } else {
                for (int j = 0; j < groups; j++) {
                    r[j] = y[j] - 2 * y[groups + j] + s[j];
                }
            }
            return r;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            Observables o = observe(t, y);
            if (!o.finite()) {
                throw new DivergenceSignal(t, "non-finite risk " + o.risk + " or learning rate " + o.gamma);
            }
            double g = o.gamma;
            double fish = o.terms.fisher();
            double[] dy = new double[y.length];
            int J = groups;
            if (residualForm) {
                // r = e^L ρ: ρ' = f̃(ρ) − L'ρ with f̃_j = −2γλ_jρ_j + γ²λ_j w_j (Σλρ + ω²e^{−L}), L' = Σf̃ / Σρ.
                double iScaled = K.dot(lambda, 0, y, 0, J) + scaledNoise(y);
                double sumF = 0;
                double sumRho = 0;
                for (int j = 0; j < J; j++) {
                    double gl = g * lambda[j];
                    double f = -2 * gl * y[j] + g * gl * weight[j] * iScaled;
                    dy[j] = f;
                    sumF += f;
                    sumRho += y[j];
                    dy[J + j] = -gl * (y[J + j] - s[j]);
                }
                double dl = sumF / sumRho;
                for (int j = 0; j < J; j++) {
                    dy[j] -= dl * y[j];
                }
                dy[2 * J + 3] = dl;
            } else {
                double h1 = o.terms.h1();
                double h2 = o.terms.h2();
                for (int j = 0; j < J; j++) {
                    double gl = g * lambda[j];
                    dy[j] = -4 * gl * (h1 * y[j] + h2 * y[J + j]) + g * gl * weight[j] * fish;
                    dy[J + j] = -2 * gl * (h1 * y[J + j] + h2 * s[j]);
                }
            }
            dy[2 * J] = fish;
            dy[2 * J + 1] = g;
            dy[2 * J + 2] = g * fish;
            return dy;
        }
    }

    /** Stops the integration when the risk exceeds the divergence threshold. */
    private static final class DivergenceDetector implements ODEEventDetector, ODEEventHandler {
        private final Equations eq;
        private final double threshold;
        private final AdaptableInterval maxCheck;
        private final BracketedUnivariateSolver<UnivariateFunction> solver;
        boolean triggered;

        DivergenceDetector(Equations eq, double threshold, double tEnd) {
            this.eq = eq;
            this.threshold = threshold;
            // The risk grows monotonically once it diverges, so checking g at step ends suffices; a finer check
            // interval would cost one dense-output interpolation (O(stages × state)) per check.
            this.maxCheck = AdaptableInterval.of(Math.max(tEnd, 1e-6));
            this.solver = new BracketingNthOrderBrentSolver(1e-12, 1e-9 * Math.max(1, tEnd), 1e-300, 5);
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            Observables o = eq.observe(state.getTime(), state.getPrimaryState());
            return Double.isFinite(o.risk) ? threshold - o.risk : -1.0;
        }

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return maxCheck;
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return this;
        }

        @Override
        public Action eventOccurred(ODEStateAndDerivative s, ODEEventDetector detector, boolean increasing) {
            triggered = true;
            return Action.STOP;
        }
    }

    /** Records the observables at the grid times from the dense output. */
    private static final class Recorder implements ODEStepHandler {
        private final Equations eq;
        private final double[] grid;
        private final boolean groupsRecorded;
        private int next;
        private final List<double[]> rows = new ArrayList<>();
        private final List<double[]> ps = new ArrayList<>();
        private final List<double[]> cs = new ArrayList<>();

        Recorder(Equations eq, TimeGrid grid, boolean groupsRecorded) {
            this.eq = eq;
            this.grid = grid.times();
            this.groupsRecorded = groupsRecorded;
        }

        double lastTime() {
            return rows.isEmpty() ? 0.0 : rows.get(rows.size() - 1)[0];
        }

        void record(double t, double[] y) {
            while (next < grid.length && grid[next] <= t) {
                if (grid[next] == t) {
                    store(t, y);
                }
                next++;
            }
        }

        private void store(double t, double[] y) {
            Observables o = eq.observe(t, y);
            int J = eq.groups;
            double[] r = eq.residuals(y);
            double d2 = 0;
            double np = 0;
            double nc = 0;
            double[] p = new double[J];
            for (int j = 0; j < J; j++) {
                double c = y[J + j];
                p[j] = eq.residualForm ? r[j] + 2 * c - eq.s[j] : y[j];
                d2 += r[j];
                np += p[j];
                nc += c;
            }
            rows.add(new double[]{t, o.risk, o.gamma, o.terms.fisher(), o.b11, o.b12, o.b22, d2, np, nc,
                    y[2 * J], y[2 * J + 1], y[2 * J + 2]});
            if (groupsRecorded) {
                ps.add(p);
                cs.add(java.util.Arrays.copyOfRange(y, J, 2 * J));
            }
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double t1 = interpolator.getCurrentState().getTime();
            while (next < grid.length && grid[next] <= t1) {
                double t = grid[next];
                double[] y = t == t1 ? interpolator.getCurrentState().getPrimaryState()
                        : interpolator.getInterpolatedState(t).getPrimaryState();
                store(t, y);
                next++;
            }
        }

        OdeTrajectory build(long evaluations) {
            int n = rows.size();
            double[][] cols = new double[13][n];
            for (int i = 0; i < n; i++) {
                double[] r = rows.get(i);
                for (int k = 0; k < 13; k++) {
                    cols[k][i] = r[k];
                }
            }
            double[][] gp = groupsRecorded ? ps.toArray(new double[0][]) : null;
            double[][] gc = groupsRecorded ? cs.toArray(new double[0][]) : null;
            return new OdeTrajectory(cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7],
                    cols[8], cols[9], cols[10], cols[11], cols[12], gp, gc, eq.s, evaluations);
        }
    }
}
