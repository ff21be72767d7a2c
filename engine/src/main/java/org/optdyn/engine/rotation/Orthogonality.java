package org.optdyn.engine.rotation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.optdyn.engine.linalg.SingularValueDecomposition;

/**
 * How close a matrix is to a multiple of a semi-orthogonal one (adam-rotation.md §4): with the {@code r = min(m, n)}
 * singular values {@code s_i} of {@code A} (zeros included), their mean {@code mu} and population standard deviation
 * {@code sigma},
 * <pre>
 *   CV = sigma / mu,        O = 1 / sqrt(1 + CV^2) = |A|_* / (sqrt(r) |A|_F)
 * </pre>
 * {@code CV = 0} (and {@code O = 1}) iff all singular values are equal, the shape of Muon's updates; rank one gives
 * {@code CV = sqrt(r - 1)}, {@code O = 1/sqrt(r)}. The paper's indicator is {@code CV} of Adam's update direction
 * rotated back to the original basis ({@link RotatedBasis#direction}), per weight matrix, averaged without weights
 * over the layers of a type ({@link #meanCv}).
 *
 * @param cv the coefficient of variation of the singular values; NaN for the zero matrix
 * @param o  {@code 1/sqrt(1 + CV^2)}; NaN for the zero matrix
 */
public record Orthogonality(double cv, double o) {

    /** @return the orthogonality of the {@code rows x cols} row-major matrix {@code a} */
    public static Orthogonality of(double[] a, int rows, int cols) {
        return ofSingularValues(SingularValueDecomposition.singularValues(a, rows, cols));
    }

    /** @return the orthogonality of a matrix with these singular values (all {@code r} of them, zeros included) */
    public static Orthogonality ofSingularValues(double[] s) {
        Objects.requireNonNull(s, "s");
        if (s.length == 0) {
            throw new IllegalArgumentException("need at least one singular value");
        }
        double mean = 0;
        for (double x : s) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("singular values must be finite and >= 0, got " + x);
            }
            mean += x / s.length;
        }
        if (mean == 0) {
            return new Orthogonality(Double.NaN, Double.NaN);
        }
        double var = 0;
        for (double x : s) {
            var += (x - mean) * (x - mean) / s.length;
        }
        double cv = Math.sqrt(var) / mean;
        return new Orthogonality(cv, 1 / Math.sqrt(1 + cv * cv));
    }

    /**
     * @param direction a vector laid out as {@code layout} (read only)
     * @return the orthogonality of each weight matrix of {@code direction}, by name, in layout order (vectors skipped)
     */
    public static Map<String, Orthogonality> perMatrix(double[] direction, ParameterLayout layout) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(layout, "layout");
        if (direction.length != layout.size()) {
            throw new IllegalArgumentException("direction has " + direction.length + " entries, the layout "
                    + layout.size());
        }
        var out = new LinkedHashMap<String, Orthogonality>();
        for (int t = 0; t < layout.tensors().size(); t++) {
            if (layout.tensors().get(t) instanceof ParameterLayout.Matrix m) {
                int off = layout.offset(t);
                double[] a = java.util.Arrays.copyOfRange(direction, off, off + m.size());
                out.put(m.name(), of(a, m.rows(), m.cols()));
            }
        }
        return out;
    }

    /** @return the unweighted mean of {@code CV} over the given matrices (the paper's mean over depth) */
    public static double meanCv(Iterable<Orthogonality> matrices) {
        double s = 0;
        int n = 0;
        for (Orthogonality o : matrices) {
            s += o.cv();
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("need at least one matrix");
        }
        return s / n;
    }
}
