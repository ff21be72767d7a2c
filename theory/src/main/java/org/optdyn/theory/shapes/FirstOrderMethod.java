package org.optdyn.theory.shapes;

import org.hipparchus.complex.Complex;

/**
 * A stationary first-order method for games and its per-eigenvalue characteristic equation
 * (spectral-shapes.md §5, table "methods as transformations of the shape").
 *
 * <p>For an affine field {@code v(w) = A(w - w*)} the error of a one-step method obeys
 * {@code e_{t+1} = Q_0(A) e_t} and that of a two-step method {@code e_{t+1} = M_1(A) e_t + M_2(A) e_{t-1}}. At an
 * eigenvalue {@code λ} the characteristic equation is {@code r = b(λ)} (one-step) or
 * {@code r² - b(λ) r + c(λ) = 0} (two-step); {@link #spectralRadius(Complex)} is the largest root modulus
 * ({@code ρ_M(λ)}, §3.2), computed as the doc prescribes: roots {@code (b ± √(b² - 4c))/2} with the principal
 * square root.
 */
public sealed interface FirstOrderMethod {

    /** @return a short label, e.g. "EG(η=0.1, γ=0.1)". */
    String label();

    /** @return oracle calls per iteration (a VJP counts as one call, §10.5). */
    int oracleCalls();

    /**
     * @return whether the characteristic coefficients are polynomials in {@code λ} (then the spectral radius is
     *         logarithmically subharmonic and its supremum over a filled shape is attained on the boundary);
     *         false for CO/ACO, whose consensus map {@code ψ_γ(λ) = λ + γ|λ|²} is not analytic.
     */
    default boolean analytic() {
        return true;
    }

    /** @return {@code b(λ)}: the root of a one-step method, or minus the linear coefficient of a two-step one. */
    Complex b(Complex lambda);

    /** @return {@code c(λ)} of a two-step method; {@code null} for one-step methods. */
    Complex c(Complex lambda);

    /** @return the roots of the characteristic equation at {@code λ} (one or two). */
    default Complex[] roots(Complex lambda) {
        Complex b = b(lambda);
        Complex c = c(lambda);
        if (c == null) {
            return new Complex[] {b};
        }
        Complex s = b.multiply(b).subtract(c.multiply(4)).sqrt();
        return new Complex[] {b.add(s).divide(2), b.subtract(s).divide(2)};
    }

    /**
     * @return {@code ρ_M(λ)}, the largest modulus of the characteristic roots at {@code λ} (same formula as
     *         {@link #roots}, in primitive arithmetic: this is the inner loop of every min–max search)
     */
    default double spectralRadius(Complex lambda) {
        Complex bc = b(lambda);
        Complex cc = c(lambda);
        double br = bc.getReal(), bi = bc.getImaginary();
        if (cc == null) {
            return Math.hypot(br, bi);
        }
        // s = sqrt(b² - 4c), principal branch
        double dr = br * br - bi * bi - 4 * cc.getReal(), di = 2 * br * bi - 4 * cc.getImaginary();
        double m = Math.hypot(dr, di);
        double sr = Math.sqrt(0.5 * (m + dr));
        double si = Math.copySign(Math.sqrt(0.5 * (m - dr)), di);
        return 0.5 * Math.max(Math.hypot(br + sr, bi + si), Math.hypot(br - sr, bi - si));
    }

    /** @return a rate per iteration converted to the rate per oracle call, {@code rate^{1/calls}}. */
    default double perCall(double ratePerIteration) {
        return Math.pow(ratePerIteration, 1.0 / oracleCalls());
    }

    /** The extrapolation map {@code φ_γ(λ) = λ(1 - γλ)} of extragradient (§5). */
    static Complex extrapolation(Complex lambda, double gamma) {
        return lambda.multiply(Complex.ONE.subtract(lambda.multiply(gamma)));
    }

    /** The consensus map {@code ψ_γ(λ) = λ + γ|λ|²} (§5; valid for normal Jacobians). */
    static Complex consensus(Complex lambda, double gamma) {
        double m = lambda.norm();
        return lambda.add(gamma * m * m);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
    }

    /** Gradient descent(-ascent), simultaneous: {@code w⁺ = w - η v(w)}; {@code r = 1 - ηλ}. */
    record GD(double eta) implements FirstOrderMethod {
        public GD {
            positive("eta", eta);
        }

        @Override public String label() { return "GD(η=" + eta + ")"; }
        @Override public int oracleCalls() { return 1; }
        @Override public Complex b(Complex l) { return Complex.ONE.subtract(l.multiply(eta)); }
        @Override public Complex c(Complex l) { return null; }
    }

    /**
     * Polyak heavy ball {@code w⁺ = w - h v(w) + m(w - w⁻)}; {@code r² - (1 + m - hλ) r + m = 0}. Negative
     * {@code m} is negative momentum (Gidel et al. 2019).
     */
    record HB(double h, double m) implements FirstOrderMethod {
        public HB {
            finite("h", h);
            finite("m", m);
        }

        @Override public String label() { return "HB(h=" + h + ", m=" + m + ")"; }
        @Override public int oracleCalls() { return 1; }
        @Override public Complex b(Complex l) { return new Complex(1 + m).subtract(l.multiply(h)); }
        @Override public Complex c(Complex l) { return new Complex(m); }
    }

    /** Nesterov: {@code y = w + β(w - w⁻)}, {@code w⁺ = y - h v(y)}; {@code r² - (1+β)(1-hλ) r + β(1-hλ) = 0}. */
    record NAG(double h, double beta) implements FirstOrderMethod {
        public NAG {
            finite("h", h);
            finite("beta", beta);
        }

        @Override public String label() { return "NAG(h=" + h + ", β=" + beta + ")"; }
        @Override public int oracleCalls() { return 1; }
        @Override public Complex b(Complex l) { return Complex.ONE.subtract(l.multiply(h)).multiply(1 + beta); }
        @Override public Complex c(Complex l) { return Complex.ONE.subtract(l.multiply(h)).multiply(beta); }
    }

    /**
     * Extragradient {@code w̃ = w - γ v(w)}, {@code w⁺ = w - η v(w̃)}: GD with step {@code η} on {@code φ_γ(K)};
     * {@code r = 1 - ηλ + ηγλ²}. Classical EG is {@code EG(η, η)} (Korpelevich 1976).
     */
    record EG(double eta, double gamma) implements FirstOrderMethod {
        public EG {
            positive("eta", eta);
            finite("gamma", gamma);
        }

        @Override public String label() { return "EG(η=" + eta + ", γ=" + gamma + ")"; }
        @Override public int oracleCalls() { return 2; }
        @Override public Complex b(Complex l) { return Complex.ONE.subtract(extrapolation(l, gamma).multiply(eta)); }
        @Override public Complex c(Complex l) { return null; }
    }

    /** Optimistic gradient {@code w⁺ = w - 2η v(w) + η v(w⁻)} (Popov 1980); {@code r² - (1 - 2ηλ) r - ηλ = 0}. */
    record OG(double eta) implements FirstOrderMethod {
        public OG {
            positive("eta", eta);
        }

        @Override public String label() { return "OG(η=" + eta + ")"; }
        @Override public int oracleCalls() { return 1; }
        @Override public Complex b(Complex l) { return Complex.ONE.subtract(l.multiply(2 * eta)); }
        @Override public Complex c(Complex l) { return l.multiply(-eta); }
    }

    /**
     * Momentum extragradient {@code w⁺ = w - h v(w - γ v(w)) + m(w - w⁻)}: HB on {@code φ_γ(K)};
     * {@code r² - (1 + m - hφ_γ(λ)) r + m = 0} ([KGKP] Kim, Gidel, Kyrillidis, Pedregosa, TMLR).
     */
    record MEG(double h, double gamma, double m) implements FirstOrderMethod {
        public MEG {
            finite("h", h);
            finite("gamma", gamma);
            finite("m", m);
        }

        @Override public String label() { return "MEG(h=" + h + ", γ=" + gamma + ", m=" + m + ")"; }
        @Override public int oracleCalls() { return 2; }
        @Override public Complex b(Complex l) { return new Complex(1 + m).subtract(extrapolation(l, gamma).multiply(h)); }
        @Override public Complex c(Complex l) { return new Complex(m); }
    }

    /**
     * Consensus optimization {@code w⁺ = w - η(v + γJᵀv)(w)} (Mescheder, Nowozin, Geiger 2017), descent form;
     * for normal Jacobians {@code r = 1 - ηψ_γ(λ)}.
     */
    record CO(double eta, double gamma) implements FirstOrderMethod {
        public CO {
            positive("eta", eta);
            finite("gamma", gamma);
        }

        @Override public String label() { return "CO(η=" + eta + ", γ=" + gamma + ")"; }
        @Override public int oracleCalls() { return 2; }
        @Override public boolean analytic() { return false; }
        @Override public Complex b(Complex l) { return Complex.ONE.subtract(consensus(l, gamma).multiply(eta)); }
        @Override public Complex c(Complex l) { return null; }
    }

    /**
     * Accelerated consensus optimization: CO plus Polyak momentum, HB on {@code ψ_γ(K)} ([AS20]; convention
     * §10.8); {@code r² - (1 + m - hψ_γ(λ)) r + m = 0} for normal Jacobians.
     */
    record ACO(double h, double gamma, double m) implements FirstOrderMethod {
        public ACO {
            finite("h", h);
            finite("gamma", gamma);
            finite("m", m);
        }

        @Override public String label() { return "ACO(h=" + h + ", γ=" + gamma + ", m=" + m + ")"; }
        @Override public int oracleCalls() { return 2; }
        @Override public boolean analytic() { return false; }
        @Override public Complex b(Complex l) { return new Complex(1 + m).subtract(consensus(l, gamma).multiply(h)); }
        @Override public Complex c(Complex l) { return new Complex(m); }
    }

    /**
     * Squared-operator heavy ball [derived, §5]: {@code D = (v(w) - v(w - γv(w)))/γ = A²(w - w*)},
     * {@code w⁺ = w + hD + m(w - w⁻)}: HB on {@code {-λ²}}; {@code r² - (1 + m + hλ²) r + m = 0}.
     * The reference optimal method on bilinear shapes (§6.4, §10.1).
     */
    record SQHB(double h, double m, double gamma) implements FirstOrderMethod {
        public SQHB {
            finite("h", h);
            finite("m", m);
            if (gamma == 0 || !Double.isFinite(gamma)) {
                throw new IllegalArgumentException("gamma must be finite and non-zero, got " + gamma);
            }
        }

        @Override public String label() { return "SQ-HB(h=" + h + ", m=" + m + ", γ=" + gamma + ")"; }
        @Override public int oracleCalls() { return 2; }
        @Override public Complex b(Complex l) { return new Complex(1 + m).add(l.multiply(l).multiply(h)); }
        @Override public Complex c(Complex l) { return new Complex(m); }
    }
}
