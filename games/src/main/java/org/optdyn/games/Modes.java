package org.optdyn.games;

import java.util.Objects;

import org.hipparchus.complex.Complex;

/**
 * The real Schur (here: orthogonal block-diagonal) structure of a normal linear game {@code A = Q D Qᵀ}: block
 * {@code j} occupies columns {@code start[j] .. start[j] + size(j) - 1} of {@code Q}; a real eigenvalue has a
 * {@code 1×1} block, a pair {@code x ± iy} the block {@code [[x, -y], [y, x]]} (eigenvalue stored with the sign of
 * {@code y} as given).
 *
 * @param q           orthogonal matrix, row-major {@code p × p}
 * @param eigenvalues one eigenvalue per block
 * @param start       first column of each block
 */
public record Modes(double[] q, Complex[] eigenvalues, int[] start) {

    public Modes {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(start, "start");
        if (eigenvalues.length != start.length) {
            throw new IllegalArgumentException("eigenvalues.length = " + eigenvalues.length + " but start.length = "
                    + start.length);
        }
        q = q.clone();
        eigenvalues = eigenvalues.clone();
        start = start.clone();
    }

    @Override
    public Complex[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return the dimension {@code p}. */
    public int dimension() {
        return (int) Math.round(Math.sqrt(q.length));
    }

    /** @return the full spectrum, every pair listed as both {@code λ} and {@code conj λ}. */
    public Complex[] spectrum() {
        int p = dimension();
        var out = new Complex[p];
        int k = 0;
        for (Complex z : eigenvalues) {
            out[k++] = z;
            if (z.getImaginary() != 0) {
                out[k++] = z.conjugate();
            }
        }
        return out;
    }

    /**
     * @param e a vector of length {@code p}
     * @return {@code ‖P_j e‖} for every block {@code j} (the norm of {@code e}'s component in the block's invariant
     *         subspace: {@code ‖Q_jᵀ e‖})
     */
    public double[] weights(double[] e) {
        int p = dimension();
        if (e.length != p) {
            throw new IllegalArgumentException("e.length = " + e.length + " but dimension = " + p);
        }
        double[] w = new double[eigenvalues.length];
        for (int j = 0; j < eigenvalues.length; j++) {
            int size = eigenvalues[j].getImaginary() != 0 ? 2 : 1;
            double s = 0;
            for (int c = start[j]; c < start[j] + size; c++) {
                double d = 0;
                for (int i = 0; i < p; i++) {
                    d += q[i * p + c] * e[i];
                }
                s += d * d;
            }
            w[j] = Math.sqrt(s);
        }
        return w;
    }
}
