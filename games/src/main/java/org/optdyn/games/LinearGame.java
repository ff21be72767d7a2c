package org.optdyn.games;

import java.util.Objects;
import java.util.Optional;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * An affine game {@code F(w) = A (w - w*)} with a dense real Jacobian {@code A} (spectral-shapes.md §1). The
 * field is computed as {@code A w - A w*} with {@code A w*} precomputed (no scratch buffer, so the game is
 * thread-safe); rounding adds {@code O(ε ‖A‖ (‖w‖ + ‖w*‖))} to each component.
 */
public final class LinearGame implements Game {

    private final int p;
    private final int split;
    private final double[] a;
    private final double[] wStar;
    private final double[] aWStar;
    private final Modes modes;

    /**
     * @param a     row-major {@code p × p} Jacobian (copied)
     * @param wStar equilibrium (copied), length {@code p}
     * @param split start of the second player's block ({@code 0} if none)
     * @param modes the normal structure of {@code A} if known, else {@code null}
     */
    public LinearGame(double[] a, double[] wStar, int split, Modes modes) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(wStar, "wStar");
        this.p = wStar.length;
        if (p == 0 || a.length != p * p) {
            throw new IllegalArgumentException("a.length = " + a.length + " must be wStar.length² = " + p * p + " > 0");
        }
        if (split < 0 || split >= p) {
            throw new IllegalArgumentException("split must be in [0, " + p + "), got " + split);
        }
        if (modes != null && modes.dimension() != p) {
            throw new IllegalArgumentException("modes dimension " + modes.dimension() + " != " + p);
        }
        this.a = a.clone();
        this.wStar = wStar.clone();
        this.split = split;
        this.modes = modes;
        this.aWStar = new double[p];
        multiply(this.wStar, aWStar);
    }

    private void multiply(double[] x, double[] out) {
        DoubleKernels k = Kernels.doubles();
        for (int i = 0; i < p; i++) {
            out[i] = k.dot(a, i * p, x, 0, p);
        }
    }

    @Override
    public int dimension() {
        return p;
    }

    @Override
    public int split() {
        return split;
    }

    @Override
    public void field(double[] w, double[] out) {
        DoubleKernels k = Kernels.doubles();
        for (int i = 0; i < p; i++) {
            out[i] = k.dot(a, i * p, w, 0, p) - aWStar[i];
        }
    }

    @Override
    public void jvp(double[] w, double[] v, double[] out) {
        multiply(v, out);
    }

    @Override
    public void vjp(double[] w, double[] u, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        DoubleKernels k = Kernels.doubles();
        for (int i = 0; i < p; i++) {
            k.axpyInPlace(u[i], a, i * p, out, 0, p);
        }
    }

    @Override
    public double[] equilibrium() {
        return wStar.clone();
    }

    /** @return a copy of the row-major Jacobian. */
    public double[] jacobian() {
        return a.clone();
    }

    /** @return the normal structure {@code A = Q D Qᵀ}, when the game was built from it. */
    public Optional<Modes> modes() {
        return Optional.ofNullable(modes);
    }
}
