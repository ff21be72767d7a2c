package org.optdyn.theory.averagecase;

import org.hipparchus.special.Gamma;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Asymptotic rates of section 5: polynomial exponents in the convex regime {@code l = 0} from the edge exponents
 * (section 5.2, [CGPSP22]), their constants (section 5.2, derived from the Bessel asymptotics of [PvMPP]), linear
 * rates for {@code l > 0} (section 5.1), and exponents measured on computed curves (section 6.4).
 *
 * <p>Throughout, {@code xiL = xi + l} is the left-edge exponent of the integrand measure {@code lambda^l mu} and
 * {@code c} the constant in {@code lambda^l dmu ~ c lambda^{xiL} dlambda} near 0.
 */
public final class AsymptoticRates {

    private AsymptoticRates() {
    }

    /** GD with {@code 0 < h < 2/L}: {@code E_l(t) ~ t^{-(xiL + 1)}}. */
    public static double gradientDescentExponent(double xiL) {
        return -(xiL + 1.0);
    }

    /**
     * NAG-C with {@code h = 1/L}: {@code -2(xiL + 1)} if {@code xiL < 1/2}, {@code -3} (times {@code log t}) at
     * {@code 1/2}, {@code -(xiL + 5/2)} if {@code xiL > 1/2}.
     */
    public static double nesterovExponent(double xiL) {
        if (xiL < 0.5) {
            return -2.0 * (xiL + 1.0);
        }
        return -(xiL + 2.5);
    }

    /** GCM(alpha, beta): {@code max(-(2 beta + 1), -2(xiL + 1), 2(alpha - beta - tau - 1))}. */
    public static double gcmExponent(double alpha, double beta, double xiL, double tau) {
        return Math.max(-(2.0 * beta + 1.0), Math.max(-2.0 * (xiL + 1.0), 2.0 * (alpha - beta - tau - 1.0)));
    }

    /** The optimal exponent {@code -2(xiL + 1)}. */
    public static double optimalExponent(double xiL) {
        return -2.0 * (xiL + 1.0);
    }

    /** Exponent lost by NAG-C against the optimum: {@code max(0, xiL - 1/2)} (section 5.2 and convention 10.7). */
    public static double nesterovExponentLoss(double xiL) {
        return nesterovExponent(xiL) - optimalExponent(xiL);
    }

    /** GD constant: {@code E_l(t) ~ c Gamma(xiL + 1) (2 h t)^{-(xiL + 1)}}; returns the prefactor of {@code t^{-(xiL+1)}}. */
    public static double gradientDescentConstant(double c, double xiL, double h) {
        return c * Math.exp(Gamma.logGamma(xiL + 1.0)) * Math.pow(2.0 * h, -(xiL + 1.0));
    }

    /**
     * NAG-C constant, prefactor of {@code t^{e}} with {@code e = nesterovExponent(xiL)}:
     * {@code xiL < 1/2}: {@code c h^{-(xiL+1)} 8 Gamma(1 - 2 xiL) Gamma(1 + xiL) / (2^{1 - 2 xiL} Gamma(1 - xiL)^2
     * Gamma(2 - xiL))}; {@code xiL > 1/2}: {@code (4 c Gamma(xiL - 1/2)/pi) h^{-(xiL+1)}}.
     */
    public static double nesterovConstant(double c, double xiL, double h) {
        if (xiL == 0.5) {
            throw new IllegalArgumentException("xiL = 1/2 has a log factor; no constant");
        }
        double hp = Math.pow(h, -(xiL + 1.0));
        if (xiL < 0.5) {
            double g = 8.0 * Math.exp(Gamma.logGamma(1.0 - 2.0 * xiL) + Gamma.logGamma(1.0 + xiL)
                    - 2.0 * Gamma.logGamma(1.0 - xiL) - Gamma.logGamma(2.0 - xiL)) / Math.pow(2.0, 1.0 - 2.0 * xiL);
            return c * hp * g;
        }
        return 4.0 * c * Math.exp(Gamma.logGamma(xiL - 0.5)) / Math.PI * hp;
    }

    /** Linear rate of GD with step {@code h} on {@code [l, L]}: {@code max(|1 - h l|, |1 - h L|)^2}. */
    public static double gradientDescentRate(double h, double lower, double upper) {
        double r = Math.max(Math.abs(1.0 - h * lower), Math.abs(1.0 - h * upper));
        return r * r;
    }

    /** Polyak/Chebyshev/GCM/optimal linear rate {@code ((sqrt kappa - 1)/(sqrt kappa + 1))^2}. */
    public static double acceleratedRate(double lower, double upper) {
        double sk = Math.sqrt(upper / lower);
        double rho = (sk - 1.0) / (sk + 1.0);
        return rho * rho;
    }

    /** NAG-SC linear rate {@code (1 - 1/sqrt kappa)^2}. */
    public static double nesterovStronglyConvexRate(double lower, double upper) {
        double f = 1.0 - Math.sqrt(lower / upper);
        return f * f;
    }

    /** Local slope {@code log(E(t2)/E(t1)) / log(t2/t1)} (section 6.4). */
    public static double localSlope(double[] curve, int t1, int t2) {
        checkWindow(curve, t1, t2);
        return Math.log(curve[t2] / curve[t1]) / Math.log((double) t2 / t1);
    }

    /**
     * Least-squares slope of {@code log E(t)} against {@code log t} over {@code points} log-spaced steps in
     * {@code [t1, t2]} (Hipparchus {@link SimpleRegression}).
     */
    public static double fittedExponent(double[] curve, int t1, int t2, int points) {
        checkWindow(curve, t1, t2);
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, got " + points);
        }
        var reg = new SimpleRegression();
        for (int i = 0; i < points; i++) {
            int t = (int) Math.round(t1 * Math.pow((double) t2 / t1, (double) i / (points - 1)));
            reg.addData(Math.log(t), Math.log(curve[t]));
        }
        return reg.getSlope();
    }

    /** Per-step linear rate measured as {@code (E(t2)/E(t1))^{1/(t2 - t1)}}. */
    public static double fittedRate(double[] curve, int t1, int t2) {
        checkWindow(curve, t1, t2);
        return Math.pow(curve[t2] / curve[t1], 1.0 / (t2 - t1));
    }

    private static void checkWindow(double[] curve, int t1, int t2) {
        if (t1 < 1 || t2 <= t1 || t2 >= curve.length) {
            throw new IllegalArgumentException("need 1 <= t1 < t2 < " + curve.length + ", got t1 = " + t1
                    + ", t2 = " + t2);
        }
        if (!(curve[t1] > 0.0) || !(curve[t2] > 0.0)) {
            throw new IllegalArgumentException("curve must be positive at t1 and t2, got " + curve[t1] + " and "
                    + curve[t2]);
        }
    }
}
