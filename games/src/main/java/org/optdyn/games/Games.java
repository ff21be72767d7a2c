package org.optdyn.games;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.optdyn.theory.shapes.Shape;

/**
 * Factories of the reference games of spectral-shapes.md §1 and §9.1. Randomness: every factory takes a
 * {@link SplittableGenerator} and splits one stream per random object in a fixed order (Haar matrices, spectrum,
 * equilibrium), so results depend only on the seed.
 */
public final class Games {

    /** The generator family of all optdyn random streams. */
    public static final String RNG = "L64X256MixRandom";

    private Games() {
    }

    /** @return the root splittable generator for a master seed. */
    public static SplittableGenerator root(long seed) {
        return (SplittableGenerator) RandomGeneratorFactory.of(RNG).create(seed);
    }

    /**
     * A Haar-distributed orthogonal matrix: QR of a Gaussian matrix with the columns of {@code Q} multiplied by the
     * signs of {@code diag(R)} (Mezzadri 2007; §9.1.1).
     */
    public static RealMatrix haar(int n, RandomGenerator rng) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        RealMatrix g = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setEntry(i, j, rng.nextGaussian());
            }
        }
        var qr = new QRDecomposition(g);
        RealMatrix q = qr.getQ().copy();
        RealMatrix r = qr.getR();
        for (int j = 0; j < n; j++) {
            if (r.getEntry(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.setEntry(i, j, -q.getEntry(i, j));
                }
            }
        }
        return q;
    }

    /** @return a standard Gaussian vector. */
    public static double[] gaussian(int n, RandomGenerator rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] rowMajor(RealMatrix m) {
        int r = m.getRowDimension(), c = m.getColumnDimension();
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = m.getEntry(i, j);
            }
        }
        return out;
    }

    /** @return the block-diagonal {@code D} of the given block eigenvalues ({@code [[x, -y], [y, x]]} for pairs). */
    private static RealMatrix blockDiagonal(Complex[] blocks, int[] start, int p) {
        RealMatrix d = MatrixUtils.createRealMatrix(p, p);
        int k = 0;
        for (int j = 0; j < blocks.length; j++) {
            start[j] = k;
            double x = blocks[j].getReal(), y = blocks[j].getImaginary();
            d.setEntry(k, k, x);
            if (y != 0) {
                d.setEntry(k, k + 1, -y);
                d.setEntry(k + 1, k, y);
                d.setEntry(k + 1, k + 1, x);
                k += 2;
            } else {
                k += 1;
            }
        }
        if (k != p) {
            throw new IllegalArgumentException("blocks fill dimension " + k + ", expected " + p);
        }
        return d;
    }

    /**
     * A normal linear game {@code F(w) = Q D Qᵀ (w - w*)} with prescribed block eigenvalues (§9.1.4): a quadratic
     * monotone game when all real parts are {@code >= 0}.
     *
     * @param blocks one eigenvalue per block (real → 1×1, pair {@code x ± iy} → 2×2)
     * @param q      orthogonal {@code p × p}
     * @param wStar  equilibrium
     * @param split  second player's first index
     * @return the game, with its {@link Modes}
     */
    public static LinearGame normal(Complex[] blocks, RealMatrix q, double[] wStar, int split) {
        int p = wStar.length;
        int[] start = new int[blocks.length];
        RealMatrix d = blockDiagonal(blocks, start, p);
        RealMatrix a = q.multiply(d).multiplyTransposed(q);
        return new LinearGame(rowMajor(a), wStar, split, new Modes(rowMajor(q), blocks, start));
    }

    /**
     * A non-normal linear game {@code A = Q (D + εN) Qᵀ} (spectral-shapes.md §9.1.6): {@code D} block diagonal
     * with the given block eigenvalues, {@code N} Gaussian on the entries strictly above the diagonal blocks
     * (so the spectrum is still that of {@code D}), {@code Q} Haar. Same asymptotic rates as the normal game,
     * plus a transient whose size grows with {@code ε}. Streams: Q, N, w*.
     *
     * @param blocks one eigenvalue per block
     * @param eps    non-normality scale {@code >= 0}
     * @param rng    the parent stream
     * @return the game (no modes: not normal)
     */
    public static LinearGame nonNormal(Complex[] blocks, double eps, SplittableGenerator rng) {
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and >= 0, got " + eps);
        }
        int p = 0;
        for (Complex z : blocks) {
            p += z.getImaginary() == 0 ? 1 : 2;
        }
        RandomGenerator qRng = rng.split(), nRng = rng.split(), wRng = rng.split();
        RealMatrix q = haar(p, qRng);
        int[] start = new int[blocks.length];
        RealMatrix d = blockDiagonal(blocks, start, p);
        for (int j = 0; j < blocks.length; j++) {
            int end = j + 1 < blocks.length ? start[j + 1] : p;
            for (int r = start[j]; r < end; r++) {
                for (int c = end; c < p; c++) {
                    d.setEntry(r, c, eps * nRng.nextGaussian());
                }
            }
        }
        RealMatrix a = q.multiply(d).multiplyTransposed(q);
        return new LinearGame(rowMajor(a), gaussian(p, wRng), p / 2, null);
    }

    /**
     * A random normal game whose Jacobian eigenvalues fill {@code shape}: block-diagonal {@code D} of the sampled
     * spectrum ({@link SpectrumSampler}) conjugated by a Haar orthogonal {@code Q}; {@code w*} standard Gaussian.
     * Streams split from {@code rng} in order: Q, spectrum, w*.
     *
     * @param shape     the shape to fill
     * @param dimension {@code p}
     * @param rng       the parent stream
     * @param include   eigenvalues that must be present
     * @return the game
     */
    public static LinearGame randomInShape(Shape shape, int dimension, SplittableGenerator rng, List<Complex> include) {
        Objects.requireNonNull(rng, "rng");
        RandomGenerator qRng = rng.split(), specRng = rng.split(), wRng = rng.split();
        RealMatrix q = haar(dimension, qRng);
        Complex[] blocks = SpectrumSampler.sample(shape, dimension, specRng, include);
        return normal(blocks, q, gaussian(dimension, wRng), dimension / 2);
    }

    /**
     * The (regularized) bilinear game {@code min_x max_y (μ/2)‖x-x*‖² + (x-x*)ᵀB(y-y*) - (μ/2)‖y-y*‖²} with
     * {@code B = U diag(σ) Vᵀ}, {@code U, V} Haar (§9.1.2–3): Jacobian {@code [[μI, B], [-Bᵀ, μI]]}, eigenvalues
     * {@code μ ± iσ_j}. {@code w = (x, y)}, split at {@code n}. Streams: U, V, w*.
     *
     * @param sigma singular values {@code σ_j > 0} (length {@code n})
     * @param mu    quadratic regularization {@code >= 0} ({@code 0}: pure bilinear)
     * @param rng   the parent stream
     * @return the game with its modes ({@code p = (u_j, 0)}, {@code q = (0, v_j)} per block)
     */
    public static LinearGame bilinear(double[] sigma, double mu, SplittableGenerator rng) {
        int n = sigma.length;
        if (n < 1 || !(mu >= 0)) {
            throw new IllegalArgumentException("need sigma.length >= 1 and mu >= 0, got " + n + ", mu = " + mu);
        }
        RandomGenerator uRng = rng.split(), vRng = rng.split(), wRng = rng.split();
        RealMatrix u = haar(n, uRng), v = haar(n, vRng);
        RealMatrix q = MatrixUtils.createRealMatrix(2 * n, 2 * n);
        var blocks = new Complex[n];
        for (int j = 0; j < n; j++) {
            if (!(sigma[j] > 0)) {
                throw new IllegalArgumentException("sigma[" + j + "] must be > 0, got " + sigma[j]);
            }
            for (int i = 0; i < n; i++) {
                q.setEntry(i, 2 * j, u.getEntry(i, j));
                q.setEntry(n + i, 2 * j + 1, v.getEntry(i, j));
            }
            // A p = μ p - σ q and A q = σ p + μ q: the block [[μ, σ], [-σ, μ]] = [[x, -y], [y, x]] with y = -σ
            blocks[j] = new Complex(mu, -sigma[j]);
        }
        return normal(blocks, q, gaussian(2 * n, wRng), n);
    }

    /**
     * A bilinear game from an explicit coupling with separate quadratic terms,
     * {@code f = (μx/2)‖x-x*‖² + (x-x*)ᵀB(y-y*) - (μy/2)‖y-y*‖²} (not normal when {@code μx ≠ μy}).
     *
     * @param b     row-major {@code nx × ny} coupling
     * @param nx    rows of {@code B}
     * @param xStar equilibrium of x (length nx)
     * @param yStar equilibrium of y
     * @param muX   quadratic weight of x
     * @param muY   quadratic weight of y
     * @return the game (no modes)
     */
    public static LinearGame bilinear(double[] b, int nx, double[] xStar, double[] yStar, double muX, double muY) {
        int ny = yStar.length;
        if (xStar.length != nx || b.length != nx * ny) {
            throw new IllegalArgumentException("B must be nx × ny = " + nx + " × " + ny + ", got length " + b.length
                    + " and xStar.length = " + xStar.length);
        }
        int p = nx + ny;
        double[] a = new double[p * p];
        for (int i = 0; i < nx; i++) {
            a[i * p + i] = muX;
            for (int j = 0; j < ny; j++) {
                a[i * p + nx + j] = b[i * ny + j];
                a[(nx + j) * p + i] = -b[i * ny + j];
            }
        }
        for (int j = 0; j < ny; j++) {
            a[(nx + j) * p + nx + j] = muY;
        }
        double[] w = new double[p];
        System.arraycopy(xStar, 0, w, 0, nx);
        System.arraycopy(yStar, 0, w, nx, ny);
        return new LinearGame(a, w, nx, null);
    }
}
