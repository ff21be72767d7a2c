package org.optdyn.verification.games;

import org.hipparchus.complex.Complex;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.ModalPrediction;

/**
 * A-priori bounds for the rate measurement of {@link RateMeasurement}: how far the least-squares window fit of the
 * exact modal sum may lie from the asymptotic rate (the band of check (a)), and how far the simulated error norms
 * may lie from the modal sum by rounding (check (b)). Everything here is computed from the method, the game's
 * spectrum, the start weights and the horizon, never from a simulated trajectory or from the fit being judged.
 *
 * <h2>(a) The window band</h2>
 * For a normal game, block {@code j} (eigenvalue {@code λ_j}, start weight {@code b_j = ‖P_j e_0‖²}) contributes
 * {@code b_j |u_t(λ_j)|²} to {@code ‖e_t‖²}, {@code u_t} the characteristic recurrence (ModalPrediction). Let
 * {@code *} be the block of the shape's maximizer (included in the spectrum), {@code ρ_* = ρ_M(λ_*)},
 * {@code P_*(t) = |u_t(λ_*)|/ρ_*^t} its prefactor, and {@code q(t) = Σ_{j≠*} (b_j/b_*) |u_t(λ_j)|²/|u_t(λ_*)|²}. Then,
 * exactly,
 * <pre>  ln ‖e_t‖ = t ln ρ_* + ln P_*(t) + ½ ln b_* + ½ φ(t),   φ = ln(1 + q).</pre>
 * The least-squares slope {@code Sl} over the window {@code [a, T]} is linear, ignores constants and is
 * {@code Σ_t C_t Δg_t} with weights {@code C_t = Σ_{s>t}(s − t̄) >= 0} of sum {@code Σ(t − t̄)²} (summation by parts),
 * so {@code ln ρ_fit − ln ρ_* = Sl(ln P_*) + ½ Sl(φ)}, and:
 * <ul>
 *   <li><b>one-step methods</b> ({@code u_t = r(λ)^t}, {@code P_* ≡ 1}): under the claim {@code ρ_M(λ_j) <= ρ_*}
 *       for all j, {@code q(t) = Σ c_j y_j^t} with {@code y_j <= 1}, so {@code φ} is decreasing and convex and
 *       {@code 0 >= Δφ_t >= φ'(a) >= −Σ c_j max_y y^a|ln y| = −R/(e a)} with {@code R = Σ_{j≠*} b_j / b_*}:
 *       {@code ln ρ_fit − ln ρ_* ∈ [−R/(2 e a), 0]}, used as the symmetric superset {@code ±R/(2ea)}. For a
 *       filled shape with Gaussian {@code e_0} the ratio {@code R} is unbounded (its maximizer weight is χ² with
 *       1–2 degrees of freedom), which is why a density of eigenvalues near the maximizer
 *       ({@code ‖e_t‖² ~ ρ^{2t} t^{−κ}}) made short-horizon fits fall below
 *       {@code ρ} by up to {@code ≈ 1 − 2^{−κ/T}} (1.2 % at {@code T = 46}); {@link #equalizeMaximizer} fixes
 *       {@code R = 1}, so the band is {@code 1/(2ea)} wide whatever the sample;</li>
 *   <li><b>two-step methods</b>: {@code Sl(ln P_*)} is a property of the maximizer's own recurrence (the linear
 *       prefactor of a double root, e.g. Polyak's parameters at the segment ends, or the decaying second root), and
 *       {@code 0 <= φ <= Φ := max_window ln(1 + R M_t²)} with {@code M_t = max_{j≠*} N_j(t)/P_*(t)},
 *       {@code N_j(t) = |u_t(λ_j)| / max(ρ_M(λ_j), ρ_*)^t}: under the claim this is {@code |u_t(λ_j)|/ρ_*^t}; if a
 *       block were faster than the claimed maximizer the band would not grow with it, so the violation is seen.
 *       For {@code g ∈ [g_0, g_0 + Φ]}, {@code |Sl(g)| <= Φ · Σ_{t>t̄}(t − t̄) / Σ(t − t̄)²}, hence
 *       {@code |ln ρ_fit − ln ρ_* − Sl(ln P_*)| <= ½ Φ K}, {@code K = Σ_{t>t̄}(t−t̄)/Σ(t−t̄)² ≈ 3/T}.</li>
 * </ul>
 * Both bounds are exact (no probability), valid for every sample, and shrink like {@code 1/T}: the horizon is
 * chosen long ({@link RateMeasurement#horizon}), which error coordinates make possible. They take the
 * characteristic-root formula {@code ρ_M(λ)} as the growth rate of each block's recurrence (the identity checked to
 * 1e−15 by S-11 and the exact trajectories S-8 in the theory and games unit tests); what check (a) tests is the
 * supremum over the shape (no block of the game is faster than the claimed maximizer), the predicted value, and that
 * the window resolves it. The centre {@code Sl(ln P_*)} is clamped to {@code [0, Sl(ln t)]} (at most a linear
 * prefactor), so it can never absorb an exponential trend.
 *
 * <h2>Why not the flat band of spectral-shapes.md §9.3</h2>
 * §9.3 accepts {@code ρ(1 − 0.005) <= ρ̂}: it assumes the maximizing mode dominates the window. With a Gaussian
 * {@code e_0} on a filled shape it does not at the old horizon {@code ρ^T = 1e-10}: the exact modal sum itself
 * (no simulation) fitted below {@code ρ} by 0.4–1.2 % (Disk GD, T = 46: −0.67 % at seed 20261202 and test size,
 * −0.87 % at full size; Ellipse HB −0.69 %, ACO γ = 10 −0.59 %, continuum HB ε = 1, 2.25: −0.61 %, −0.57 % at
 * full size), with the simulation equal to the modal sum to 4 digits: the band, not the code, was wrong. The deficit
 * is the density of eigenvalues near the maximizer ({@code ‖e_t‖² ~ ρ^{2t} t^{−κ}}, κ = 1 here, a fit
 * {@code ≈ ρ 2^{−κ/T}}: −1.5 % at T = 46) made worse by the maximizer's random χ² weight ({@code R} up to 5.6e3).
 * Equalizing the weight ({@code R = 1}) and lengthening {@code T} give the exact band above instead.
 *
 * <h2>(b) The rounding bound</h2>
 * The simulation runs the game in error coordinates ({@code w* = 0}), so every rounding error is relative to the
 * current state. A step of the computed iteration is the exact step plus a perturbation {@code f_s} with
 * {@code ‖f_s‖ <= ε ‖E_s‖} ({@code E_s} the state: {@code e_s}, and {@code e_{s−1}} for two-step methods), where
 * {@code ε} collects, to first order in the unit roundoff {@code u}: the error of the stored Jacobian
 * {@code fl(Q D Qᵀ)} ({@code <= 2γ_p p Λ}, {@code γ_p = pu/(1 − pu)}, {@code Λ = max|λ|}), of each product
 * ({@code <= γ_p √p Λ}), weighted by how the iteration uses the field ({@link #sensitivity}), and of the vector
 * updates ({@link #amplification}; see {@link #simulationEpsilon}); the modal recurrences add {@code 8u(1 + Ψ)} per
 * step and the start weights {@code 4 p γ_p} relative. With {@code G(k) = max_j ‖M_j^k‖_F} (per-block companion
 * matrices, computed), {@code ‖e_t^{sim} − e_t‖ <= ε Σ_{s<t} G(t−1−s) ‖E_s‖ + ε_0 G(t) ‖E_0‖}, evaluated with the
 * modal norms for
 * {@code ‖E_s‖}; the check compares {@code max_t |ln(sim_t/modal_t)|} with {@code −ln(1 − bound)}.
 */
final class WindowBounds {

    private WindowBounds() {
    }

    /** Unit roundoff of binary64. */
    static final double U = 0x1p-53;

    /**
     * Rescales the component of {@code e0} in block {@code star} so that its weight equals the total weight of all
     * other blocks ({@code R = 1}), keeping its direction: the rate then shows from the start whatever the sample
     * (spectral-shapes.md §3.2: the rate is attained when {@code e_0} has a component on the maximizer).
     *
     * @param q     orthogonal matrix of the modes, row-major p × p
     * @param start first column of each block
     * @param size  block sizes (1 or 2)
     * @param star  the maximizer's block
     * @param e0    the Gaussian start error (not modified)
     * @return the new start error
     */
    static double[] equalizeMaximizer(double[] q, int[] start, int[] size, int star, double[] e0) {
        int p = e0.length;
        double[] proj = new double[p];
        double bStar = 0;
        for (int c = start[star]; c < start[star] + size[star]; c++) {
            double d = 0;
            for (int i = 0; i < p; i++) {
                d += q[i * p + c] * e0[i];
            }
            bStar += d * d;
            for (int i = 0; i < p; i++) {
                proj[i] += d * q[i * p + c];
            }
        }
        double total = 0;
        for (double x : e0) {
            total += x * x;
        }
        double rest = Math.max(total - bStar, 0);
        double alpha = Math.sqrt(rest / bStar);
        double[] out = e0.clone();
        for (int i = 0; i < p; i++) {
            out[i] += (alpha - 1) * proj[i];
        }
        return out;
    }

    /** The scaled recurrence {@code u_t / s^t} of one block, for {@code t = 0..T}: magnitudes. */
    static double[] scaledMagnitudes(FirstOrderMethod method, Complex lambda, double scale, int steps) {
        Complex b = method.b(lambda).divide(scale);
        Complex c0 = method.c(lambda);
        Complex c = c0 == null ? Complex.ZERO : c0.divide(scale * scale);
        double br = b.getReal(), bi = b.getImaginary(), cr = c.getReal(), ci = c.getImaginary();
        // u_{-1} = u_0 = 1 (w_{-1} = w_0); scaled: u'_{-1} = scale (u_{-1}/s^{-1}), u'_0 = 1
        double ur = 1, ui = 0, pr = c0 == null ? 0 : scale, pi = 0;
        double[] out = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            out[t] = Math.hypot(ur, ui);
            double nr = br * ur - bi * ui - (cr * pr - ci * pi);
            double ni = br * ui + bi * ur - (cr * pi + ci * pr);
            pr = ur;
            pi = ui;
            ur = nr;
            ui = ni;
        }
        return out;
    }

    /** @return {@code Σ_{t>t̄}(t − t̄) / Σ(t − t̄)²} over the integer window {@code [from, to]} (≈ 1.5/n). */
    static double slopeSensitivity(int from, int to) {
        double mean = (from + to) / 2.0, pos = 0, den = 0;
        for (int t = from; t <= to; t++) {
            double d = t - mean;
            den += d * d;
            if (d > 0) {
                pos += d;
            }
        }
        return pos / den;
    }

    /**
     * @return {@code Σ|t − t̄| / Σ(t − t̄)²}: a perturbation of the log-norms by at most δ moves the slope by at most
     *         this times δ
     */
    static double slopeLipschitz(int from, int to) {
        return 2 * slopeSensitivity(from, to);
    }

    /** @return the least-squares slope of {@code ln y_t} over {@code [from, to]} (the log of the fitted rate). */
    static double logSlope(double[] y, int from, int to) {
        return Math.log(ModalPrediction.fittedRate(y, from, to));
    }

    /**
     * The band of check (a), in log-rate: {@code ln ρ_fit(modal) − ln ρ_* ∈ [lo, hi]}.
     *
     * @param lo     lower edge
     * @param hi     upper edge
     * @param r      {@code R = Σ_{j≠*} b_j / b_*}
     * @param phi    {@code Φ} (two-step) or NaN
     * @param prefactorSlope {@code Sl(ln P_*)} (0 for one-step)
     */
    record Band(double lo, double hi, double r, double phi, double prefactorSlope) {
        double center() {
            return (lo + hi) / 2;
        }

        double halfWidth() {
            return (hi - lo) / 2;
        }
    }

    /**
     * @param method      the method
     * @param eigenvalues one eigenvalue per block
     * @param weights     {@code ‖P_j e_0‖}
     * @param star        the maximizer's block
     * @param from        window start {@code a >= 1}
     * @param to          window end {@code T}
     * @return the band of the class comment
     */
    static Band band(FirstOrderMethod method, Complex[] eigenvalues, double[] weights, int star, int from, int to) {
        double bStar = weights[star] * weights[star], rest = 0;
        for (int j = 0; j < weights.length; j++) {
            if (j != star) {
                rest += weights[j] * weights[j];
            }
        }
        double r = rest / bStar;
        if (method.c(Complex.ONE) == null) {
            // the exact band is [−R/(2ea), 0]; it is used symmetrically (a superset), so that the check's
            // measured/tolerance shows how close the fit is to ρ rather than to the band's centre
            double w = r / (2 * Math.E * from);
            return new Band(-w, w, r, Double.NaN, 0);
        }
        double rhoStar = method.spectralRadius(eigenvalues[star]);
        double[] pStar = scaledMagnitudes(method, eigenvalues[star], rhoStar, to);
        double[] m = new double[to + 1];
        for (int j = 0; j < eigenvalues.length; j++) {
            if (j == star || weights[j] == 0) {
                continue;
            }
            double s = Math.max(method.spectralRadius(eigenvalues[j]), rhoStar);
            double[] nj = scaledMagnitudes(method, eigenvalues[j], s, to);
            for (int t = from; t <= to; t++) {
                m[t] = Math.max(m[t], nj[t] / pStar[t]);
            }
        }
        double phi = 0;
        for (int t = from; t <= to; t++) {
            phi = Math.max(phi, Math.log1p(r * m[t] * m[t]));
        }
        // the maximizer's prefactor is at most linear (a 2×2 Jordan block: |u_t| = |1 + (1 − r)t| |r|^t at a double
        // root r < 1) and its second root's transient has decayed in the window, so Sl(ln P_*) ∈ [0, Sl(ln t)]; the
        // computed slope is clamped to that interval, so that an exponential disagreement between the recurrence
        // and ρ_M(λ_*) could never move the band's centre
        double[] t = new double[to + 1];
        for (int k = 1; k <= to; k++) {
            t[k] = k;
        }
        double c = Math.min(Math.max(logSlope(pStar, from, to), 0), logSlope(t, from, to));
        double half = 0.5 * phi * slopeSensitivity(from, to);
        return new Band(c - half, c + half, r, phi, c);
    }

    /**
     * The dimensionless size {@code Ψ} of the method's coefficients times {@code Λ = max|λ|}: every intermediate
     * vector of one iteration has norm at most {@code (1 + Ψ)} times the state's.
     */
    static double amplification(FirstOrderMethod m, double lambda) {
        return switch (m) {
            case FirstOrderMethod.GD g -> g.eta() * lambda;
            case FirstOrderMethod.HB h -> Math.abs(h.h()) * lambda + 2 * Math.abs(h.m());
            case FirstOrderMethod.NAG n -> (1 + 2 * Math.abs(n.beta())) * (1 + Math.abs(n.h()) * lambda);
            case FirstOrderMethod.EG e -> e.eta() * lambda * (1 + Math.abs(e.gamma()) * lambda)
                    + Math.abs(e.gamma()) * lambda;
            case FirstOrderMethod.OG o -> 3 * o.eta() * lambda;
            case FirstOrderMethod.MEG e -> Math.abs(e.h()) * lambda * (1 + Math.abs(e.gamma()) * lambda)
                    + Math.abs(e.gamma()) * lambda + 2 * Math.abs(e.m());
            case FirstOrderMethod.CO c -> c.eta() * lambda * (1 + Math.abs(c.gamma()) * lambda);
            case FirstOrderMethod.ACO c -> Math.abs(c.h()) * lambda * (1 + Math.abs(c.gamma()) * lambda)
                    + 2 * Math.abs(c.m());
            case FirstOrderMethod.SQHB s -> Math.abs(s.h() / s.gamma()) * 2 * lambda
                    + Math.abs(s.gamma()) * lambda + 2 * Math.abs(s.m());
        };
    }

    /**
     * The sensitivity {@code S} of one iteration to the error of its field evaluations: each evaluation at a point
     * of norm {@code <= (1 + a)‖E‖} errs by {@code <= η_F Λ (1 + a) ‖E‖} and enters the update with its coefficient;
     * errors of an extrapolated point enter once more through {@code A}. Sum over the evaluations of one iteration.
     */
    static double sensitivity(FirstOrderMethod m, double lambda) {
        return switch (m) {
            case FirstOrderMethod.GD g -> g.eta() * lambda;
            case FirstOrderMethod.HB h -> Math.abs(h.h()) * lambda;
            case FirstOrderMethod.NAG n -> Math.abs(n.h()) * lambda * (1 + 2 * Math.abs(n.beta()));
            case FirstOrderMethod.EG e -> e.eta() * lambda * (1 + 2 * Math.abs(e.gamma()) * lambda);
            case FirstOrderMethod.OG o -> 3 * o.eta() * lambda;
            case FirstOrderMethod.MEG e -> Math.abs(e.h()) * lambda * (1 + 2 * Math.abs(e.gamma()) * lambda);
            case FirstOrderMethod.CO c -> c.eta() * lambda * (1 + 2 * Math.abs(c.gamma()) * lambda);
            case FirstOrderMethod.ACO c -> Math.abs(c.h()) * lambda * (1 + 2 * Math.abs(c.gamma()) * lambda);
            case FirstOrderMethod.SQHB s ->
                    Math.abs(s.h() / s.gamma()) * lambda * (2 + 2 * Math.abs(s.gamma()) * lambda);
        };
    }

    /**
     * Per-step relative perturbation of the simulated iteration, first order in u (class comment):
     * {@code ε = 2[(η_F + u) S + 4u(1 + Ψ)]} with {@code η_F = 2γ_p p + γ_p √p + u} the relative error of one field
     * evaluation (stored Jacobian and product), {@link #sensitivity} {@code S} and {@link #amplification} {@code Ψ}
     * (vector updates, each rounding at most {@code u} times the largest intermediate); the factor 2 covers the
     * second-order terms and the equivalent state forms of the engine optimizers (velocity instead of {@code w⁻}).
     */
    static double simulationEpsilon(FirstOrderMethod method, int p, double lambda) {
        double gp = p * U / (1 - p * U);
        double field = 2 * gp * p + gp * Math.sqrt(p) + U;
        return 2 * ((field + U) * sensitivity(method, lambda) + 4 * U * (1 + amplification(method, lambda)));
    }

    /** Per-step relative perturbation of the modal recurrences. */
    static double modalEpsilon(FirstOrderMethod method, double lambda) {
        return 8 * U * (1 + amplification(method, lambda));
    }

    /** Relative error of the start weights (Q^T e_0 with a computed orthogonal Q). */
    static double startEpsilon(int p) {
        double gp = p * U / (1 - p * U);
        return 4 * p * gp;
    }

    /**
     * The propagation factor of per-step perturbations: for each t, {@code F_t = Σ_{s<t} G(t−1−s) S_s / modal_t}
     * and {@code F0_t = G(t) S_0 / modal_t}, with {@code S_s} the state norm and {@code G(k) = max_j ‖M_j^k‖_F}.
     *
     * @return {@code {F, F0}}
     */
    static double[][] propagation(FirstOrderMethod method, Complex[] eigenvalues, double[] modal) {
        int steps = modal.length - 1;
        boolean twoStep = method.c(Complex.ONE) != null;
        double rhoMax = 0;
        for (Complex z : eigenvalues) {
            rhoMax = Math.max(rhoMax, method.spectralRadius(z));
        }
        rhoMax = Math.max(rhoMax, 1e-3);
        // scaled G(k)/rhoMax^k
        double[] g = new double[steps + 1];
        if (!twoStep) {
            java.util.Arrays.fill(g, 1.0);
        } else {
            for (Complex z : eigenvalues) {
                Complex b = method.b(z).divide(rhoMax), c = method.c(z).divide(rhoMax);
                // companion [[b, -c], [1/rhoMax... ]] scaled: M/rhoMax = [[b', -c'], [1/rhoMax, 0]]
                double inv = 1 / rhoMax;
                Complex p11 = Complex.ONE, p12 = Complex.ZERO, p21 = Complex.ZERO, p22 = Complex.ONE;
                for (int k = 0; k <= steps; k++) {
                    double f = Math.sqrt(p11.norm() * p11.norm() + p12.norm() * p12.norm() + p21.norm() * p21.norm()
                            + p22.norm() * p22.norm());
                    g[k] = Math.max(g[k], f);
                    // P <- (M/rhoMax) P
                    Complex n11 = b.multiply(p11).subtract(c.multiply(p21));
                    Complex n12 = b.multiply(p12).subtract(c.multiply(p22));
                    Complex n21 = p11.multiply(inv);
                    Complex n22 = p12.multiply(inv);
                    p11 = n11;
                    p12 = n12;
                    p21 = n21;
                    p22 = n22;
                }
            }
        }
        double lr = Math.log(rhoMax);
        double[] sHat = new double[steps + 1];
        for (int s = 0; s <= steps; s++) {
            double st = twoStep ? modal[s] + modal[Math.max(s - 1, 0)] : modal[s];
            sHat[s] = Math.exp(Math.log(st) - s * lr);
        }
        double[] f = new double[steps + 1], f0 = new double[steps + 1];
        double prefix = 0;
        for (int t = 1; t <= steps; t++) {
            double acc;
            if (!twoStep) {
                prefix += sHat[t - 1];
                acc = prefix;
            } else {
                acc = 0;
                for (int s = 0; s < t; s++) {
                    acc += g[t - 1 - s] * sHat[s];
                }
            }
            // Σ_s G(t-1-s) S_s = rhoMax^{t-1} acc
            f[t] = acc * Math.exp((t - 1) * lr - Math.log(modal[t]));
            f0[t] = g[t] * sHat[0] * Math.exp(t * lr - Math.log(modal[t]));
        }
        return new double[][] {f, f0};
    }

    /**
     * @return the a-priori bound on {@code max_t |ln(sim_t / modal_t)|} for a simulation and modal sum computed
     *         with per-step perturbations {@code eps} and start error {@code eps0} (class comment)
     */
    static double logBound(double[][] propagation, double eps, double eps0) {
        double worst = 0;
        for (int t = 0; t < propagation[0].length; t++) {
            worst = Math.max(worst, eps * propagation[0][t] + eps0 * (t == 0 ? 1 : propagation[1][t]));
        }
        return worst < 1 ? -Math.log1p(-worst) : Double.MAX_VALUE;
    }
}
