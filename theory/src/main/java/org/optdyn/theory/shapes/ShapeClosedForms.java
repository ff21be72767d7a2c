package org.optdyn.theory.shapes;

import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.MEG;
import org.optdyn.theory.shapes.FirstOrderMethod.NAG;
import org.optdyn.theory.shapes.FirstOrderMethod.SQHB;

/**
 * Optimal (or reference) hyper-parameters and rates per iteration in closed form on the standard shapes
 * (spectral-shapes.md §6 and the summary table §7). Rates are the doc's formulas, not sampled. (The closed forms
 * of streaming SGD on least squares are {@link org.optdyn.theory.ode.HighLineClosedForms}.)
 */
public final class ShapeClosedForms {

    private ShapeClosedForms() {
    }

    private static double kappa(Shape.Segment s) {
        if (!(s.lo() > 0)) {
            throw new IllegalArgumentException("segment must satisfy 0 < mu, got " + s);
        }
        return s.hi() / s.lo();
    }

    /** GD on {@code [μ, L]}: {@code η = 2/(L+μ)}, rate {@code (κ-1)/(κ+1)} (§6.1). */
    public static Tuned<GD> gd(Shape.Segment s) {
        double k = kappa(s);
        return new Tuned<>(new GD(2 / (s.hi() + s.lo())), (k - 1) / (k + 1));
    }

    /**
     * Polyak's heavy ball on {@code [μ, L]}: {@code h = 4/(√L+√μ)²}, {@code m = ρ²}, rate
     * {@code ρ = (√κ-1)/(√κ+1) = ρ(K)}, optimal (Polyak 1964; §6.1).
     */
    public static Tuned<HB> polyak(Shape.Segment s) {
        double sl = Math.sqrt(s.hi()), sm = Math.sqrt(s.lo());
        double rho = (sl - sm) / (sl + sm);
        return new Tuned<>(new HB(4 / ((sl + sm) * (sl + sm)), rho * rho), rho);
    }

    /** Nesterov on {@code [μ, L]}: {@code h = 1/L}, {@code β = (√κ-1)/(√κ+1)}, rate {@code 1 - 1/√κ} (§6.1). */
    public static Tuned<NAG> nesterov(Shape.Segment s) {
        double sk = Math.sqrt(kappa(s));
        return new Tuned<>(new NAG(1 / s.hi(), (sk - 1) / (sk + 1)), 1 - 1 / sk);
    }

    /** EG(η, η) on {@code [μ, L]}: {@code η = 1/(L+μ)}, rate {@code (L²+Lμ+μ²)/(L+μ)²} (§6.1). */
    public static Tuned<EG> extragradient(Shape.Segment s) {
        double l = s.hi(), m = s.lo();
        return new Tuned<>(new EG(1 / (l + m), 1 / (l + m)), (l * l + l * m + m * m) / ((l + m) * (l + m)));
    }

    /** GD on {@code Disk(c, r)}: {@code η = 1/c}, rate {@code r/c}, optimal (§6.2). */
    public static Tuned<GD> gd(Shape.Disk d) {
        return new Tuned<>(new GD(1 / d.c()), d.r() / d.c());
    }

    /**
     * Optimal heavy ball on {@code Ellipse(c, a, b)} [derived, §6.3]: {@code ρ_E = (a+b)/(c+√(c²-a²+b²))},
     * {@code h = 2ρ_E/(a+b)}, {@code m = ρ_E²(a-b)/(a+b)}; the HB rate region is then exactly the ellipse.
     * {@code m > 0} for wide ellipses, {@code m = 0} (GD) for the disk, {@code m < 0} (negative momentum) for tall ones.
     */
    public static Tuned<HB> heavyBall(Shape.Ellipse e) {
        if (!(e.c() > e.a())) {
            throw new IllegalArgumentException("ellipse must satisfy c > a, got " + e);
        }
        double rho = ConvergenceFactor.ellipse(e.c(), e.a(), e.b());
        double ab = e.a() + e.b();
        return new Tuned<>(new HB(2 * rho / ab, rho * rho * (e.a() - e.b()) / ab), rho);
    }

    /** The minimization-to-disk continuum of [AS20] (§6.3, §10.6): {@code Ellipse((L+μ)/2, (L-μ)/2, ε)}. */
    public static Shape.Ellipse continuum(double mu, double l, double eps) {
        if (!(mu > 0) || !(l > mu) || eps < 0) {
            throw new IllegalArgumentException("continuum needs 0 < mu < L and eps >= 0, got mu = " + mu + ", L = " + l
                    + ", eps = " + eps);
        }
        return new Shape.Ellipse((l + mu) / 2, (l - mu) / 2, eps);
    }

    /**
     * EG(η, η) on {@code Bilinear(σmin, σmax)}: {@code η = 1/√(σmin²+σmax²)}, rate {@code √(1-s+s²)},
     * {@code s = σmin²/(σmin²+σmax²)} (§6.4).
     */
    public static Tuned<EG> extragradient(Shape.Bilinear b) {
        double s2 = b.sigmaMin() * b.sigmaMin() + b.sigmaMax() * b.sigmaMax();
        double s = b.sigmaMin() * b.sigmaMin() / s2;
        double eta = 1 / Math.sqrt(s2);
        return new Tuned<>(new EG(eta, eta), Math.sqrt(1 - s + s * s));
    }

    /**
     * The rate-optimal bilinear method, SQ-HB with Polyak's parameters for {@code [σmin², σmax²]} [derived, §6.4]:
     * {@code h = 4/(σmax+σmin)²}, {@code m = ((σmax-σmin)/(σmax+σmin))²}, rate per 2-call iteration
     * {@code (σmax-σmin)/(σmax+σmin) = ρ(K)²}.
     *
     * @param gamma the finite-difference step of {@code D} (any non-zero value; recommended {@code 1/σmax})
     */
    public static Tuned<SQHB> squaredHeavyBall(Shape.Bilinear b, double gamma) {
        double p = b.sigmaMax() + b.sigmaMin(), q = b.sigmaMax() - b.sigmaMin();
        return new Tuned<>(new SQHB(4 / (p * p), (q / p) * (q / p), gamma), q / p);
    }

    /** The limit {@code γ -> ∞} of the best CO/EG(η, γ) rate on a bilinear shape: {@code (σmax²-σmin²)/(σmax²+σmin²)}. */
    public static double consensusLimit(Shape.Bilinear b) {
        double a = b.sigmaMin() * b.sigmaMin(), c = b.sigmaMax() * b.sigmaMax();
        return (c - a) / (c + a);
    }

    /**
     * Exactly optimal MEG on {@code ShiftedBilinear(μ, σmin, σmax)} [derived, §6.5]: {@code γ = 1/(2μ)} makes
     * {@code φ_γ(μ ± iσ) = (μ²+σ²)/(2μ)} real, then Polyak on {@code [ℓ'', L'']}; rate {@code ρ(K)²}.
     */
    public static Tuned<MEG> momentumExtragradient(Shape.ShiftedBilinear s) {
        double mu = s.mu();
        double lo = (mu * mu + s.sigmaMin() * s.sigmaMin()) / (2 * mu);
        double hi = (mu * mu + s.sigmaMax() * s.sigmaMax()) / (2 * mu);
        double sl = Math.sqrt(hi), sm = Math.sqrt(lo);
        double rho = (sl - sm) / (sl + sm);
        return new Tuned<>(new MEG(4 / ((sl + sm) * (sl + sm)), 1 / (2 * mu), rho * rho), rho);
    }

    /** GD on {@code HalfDisk(μ, L)}: {@code η = μ/L²}, rate {@code √(1-μ²/L²)} (§6.6). */
    public static Tuned<GD> gd(Shape.HalfDisk h) {
        return new Tuned<>(new GD(h.mu() / (h.L() * h.L())), Math.sqrt(1 - h.mu() * h.mu() / (h.L() * h.L())));
    }

    /** EG(η, η) on {@code HalfDisk(μ, L)}: {@code η = 1/(L+μ)}, rate {@code (L²+Lμ+μ²)/(L+μ)²} (§6.6). */
    public static Tuned<EG> extragradient(Shape.HalfDisk h) {
        double l = h.L(), m = h.mu();
        return new Tuned<>(new EG(1 / (l + m), 1 / (l + m)), (l * l + l * m + m * m) / ((l + m) * (l + m)));
    }

    /** EG with unequal steps on {@code HalfDisk(μ, L)} [derived, §6.6]: {@code γ = 1/(L+μ)}, {@code η = (L+μ)/L²}, rate {@code 1 - μ/L}. */
    public static Tuned<EG> extragradientUnequal(Shape.HalfDisk h) {
        double l = h.L(), m = h.mu();
        return new Tuned<>(new EG((l + m) / (l * l), 1 / (l + m)), 1 - m / l);
    }
}
