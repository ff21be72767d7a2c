package org.optdyn.verification.averagecase;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;

import org.optdyn.theory.averagecase.AsymptoticRates;
import org.optdyn.theory.averagecase.AverageCaseOptimal;
import org.optdyn.theory.averagecase.ExactErrors;
import org.optdyn.theory.averagecase.GeneralizedChebyshev;
import org.optdyn.theory.averagecase.GradientDescent;
import org.optdyn.theory.averagecase.NesterovConvex;
import org.optdyn.theory.averagecase.PolynomialMethod;
import org.optdyn.theory.averagecase.ResidualPolynomials;
import org.optdyn.theory.spectrum.BetaSpectrum;
import org.optdyn.verification.experiment.Check;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.FalseFailure;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * GCM(tau, xi + l + 1) is exactly optimal on {@code Beta_{xi,tau}[0, L]} for the metric {@code l} (it beats or
 * matches every other method at every t, and equals the closed form of section 4.2), and Nesterov's NAG-C is within
 * the doc's constant of the optimum: the optimal exponent when {@code xi_l < 1/2} (with the limit ratio of the
 * section 5.2 constants) and a loss of exactly {@code xi_l - 1/2} in the exponent otherwise.
 */
final class GcmOptimalityExperiment implements Experiment {

    /** Relative error of the predicted optimal error that the closed-form check detects (and sabotage applies). */
    private static final double RESOLUTION = 1e-7;
    private static final FalseFailure EXACT = FalseFailure.deterministic("exact Gauss-Jacobi quadrature + rounding");
    private static final FalseFailure ASYMPTOTIC = FalseFailure.deterministic("exact quadrature; the tolerance is "
            + "section 8's bound on pre-asymptotic corrections");

    @Override
    public String name() {
        return "average-case-gcm-optimality";
    }

    @Override
    public String claim() {
        return "The Generalized Chebyshev Method matched to the edges is average-case optimal on Beta ESDs, and "
                + "Nesterov's method is optimal in exponent iff xi_l < 1/2, otherwise loses xi_l - 1/2.";
    }

    @Override
    public String source() {
        return "Cunha et al., ICML 2022 (arXiv:2206.09901); Paquette et al. 2022 (arXiv:2006.04299) for NAG-C "
                + "constants; docs/theory/average-case.md sections 2.8, 4.2, 5.2, 10.7, check A-6";
    }

    @Override
    public ExperimentResult run(RunConfig config) {
        int steps = config.size() == RunConfig.Size.TEST ? 2000 : 4000;
        var checks = new ArrayList<Check>();
        var figures = new ArrayList<Figure>();
        SequencedMap<String, String> params = ExperimentResult.parameterMap();
        params.put("T", String.valueOf(steps));
        double[][] shapes = {{-0.5, 0.5}, {0.0, 0.0}, {1.0, 0.0}, {0.5, 1.0}, {-0.75, 0.5}};
        for (double[] sh : shapes) {
            double xi = sh[0];
            double tau = sh[1];
            var esd = BetaSpectrum.of(xi, tau, 0.0, 1.0);
            var rule = esd.quadrature(steps + 2);
            for (int l = 0; l <= 1; l++) {
                double xiL = xi + l;
                var gcm = GeneralizedChebyshev.optimalFor(xi, tau, l, 1.0);
                List<PolynomialMethod> others = List.of(new GradientDescent(1.0), new NesterovConvex(1.0),
                        new GeneralizedChebyshev(0.5, 0.5, 0.0, 1.0), new GeneralizedChebyshev(tau, xiL + 0.5, 0, 1.0),
                        new GeneralizedChebyshev(tau + 1.0, xiL + 1.0, 0.0, 1.0),
                        AverageCaseOptimal.forDistribution(esd, l, 200));
                int metric = l;
                double[] best = ResidualPolynomials.expectedErrors(gcm, steps, rule).curve(metric);
                var series = new ArrayList<Series>();
                series.add(EdgeUniversalityExperiment.logSampled(gcm.name(), best, Series.Kind.THEORY_LINE));
                // exact optimality: GCM <= every non-optimal method at every t, and GCM = the optimal method built
                // independently (Stieltjes procedure on the ESD itself) wherever both exist
                double worstRatio = Double.POSITIVE_INFINITY;
                String worstName = "";
                double stieltjesGap = 0;
                double[] nag = null;
                for (var o : others) {
                    if (o.name().equals(gcm.name())) {
                        continue;   // one of the fixed comparison methods is the optimal GCM itself for this shape
                    }
                    boolean optimal = o instanceof AverageCaseOptimal;
                    int oSteps = optimal ? 60 : steps;
                    double[] c = ResidualPolynomials.expectedErrors(o, oSteps, rule).curve(metric);
                    if (o instanceof NesterovConvex) {
                        nag = c;
                    }
                    series.add(EdgeUniversalityExperiment.logSampled(o.name(), c, Series.Kind.REFERENCE_DASHED));
                    for (int t = 1; t <= oSteps; t++) {
                        double ratio = c[t] / best[t];
                        if (optimal) {
                            stieltjesGap = Math.max(stieltjesGap, Math.abs(ratio - 1));
                        } else if (ratio < worstRatio) {
                            worstRatio = ratio;
                            worstName = o.name() + " at t=" + t;
                        }
                    }
                }
                String tag = String.format("Beta(xi=%s,tau=%s), l=%d", xi, tau, l);
                checks.add(Check.atLeast("min over the non-optimal methods and t of E_other/E_GCM, " + tag + " ("
                                + worstName + ")", worstRatio, 1.0 - 1e-9,
                        "exact optimality (section 2.8); 1e-9 = quadrature rounding (relative 1e-8 default of "
                                + "section 8, tighter here since the sums are exact)",
                        EXACT));
                checks.add(Check.atMost("max over t <= 60 of |E_Stieltjes-optimal/E_GCM - 1|, " + tag, stieltjesGap,
                        1e-8, "two constructions of the same optimal polynomial (section 2.8: the Stieltjes "
                                + "procedure on a 200-node rule, and the GCM recurrence); relative 1e-8 (section 8 "
                                + "default)", EXACT));
                double closed = config.predicted(ExactErrors.optimalBeta(xi, tau, l, 1.0, steps), RESOLUTION);
                checks.add(Check.atMost("|E_GCM(T)/closed form - 1|, " + tag, Math.abs(best[steps] / closed - 1.0),
                        1e-8, "section 4.2 closed form; relative 1e-8 (section 8 default)", EXACT));
                // Nesterov within the doc's constant of optimal
                double sNag = AsymptoticRates.localSlope(nag, steps / 2, steps);
                double sOpt = AsymptoticRates.localSlope(best, steps / 2, steps);
                double gap = Math.abs(xiL - 0.5);
                if (gap >= 0.25) {
                    double tol = gap >= 0.5 ? 0.015 : 0.05;
                    checks.add(Check.atMost("|(slope NAG - slope opt) - predicted loss " + (float) Math.max(0, xiL - 0.5)
                            + "|, " + tag, Math.abs((sNag - sOpt) - AsymptoticRates.nesterovExponentLoss(xiL)),
                            tol + 0.01, "NAG-C slope tolerance of section 8 (" + tol + ") + 0.01 for the optimal",
                            ASYMPTOTIC));
                }
                if (xiL < 0) {
                    double c = esd.leftEdgeConstant();
                    double predicted = AsymptoticRates.nesterovConstant(c, xiL, 1.0)
                            / (ExactErrors.optimalBeta(xi, tau, l, 1.0, steps) * Math.pow(steps, 2 * (xiL + 1)));
                    double measured = nag[steps] / best[steps];
                    checks.add(Check.atMost("|E_NAG/E_opt at T / predicted constant ratio - 1|, " + tag,
                            Math.abs(measured / predicted - 1.0), 0.01, "for xi_l < 0 the NAG-C constant converges "
                                    + "fast (A-6: t D_t = 2.1592 vs limit 2.1615 at t = 4000, 0.1 %); 0.01 allows "
                                    + "the O(1/t) corrections of both curves at T >= 2000", ASYMPTOTIC));
                }
                figures.add(new Figure(String.format("gcm-optimality-xi%s-tau%s-l%d", xi, tau, l),
                        "E_" + l + "(t) on " + tag, "t", "E_l(t)", true, true, series));
            }
        }
        return new ExperimentResult(name(), checks, figures, params,
                "All curves are Gauss-Jacobi quadratures exact for polynomial degree 2T + l; the Stieltjes optimal "
                        + "method is built from a 200-node rule and compared for t <= 60.",
                "a relative error of " + RESOLUTION + " in the predicted optimal error E_GCM(T) (checked to 1e-8)");
    }
}
