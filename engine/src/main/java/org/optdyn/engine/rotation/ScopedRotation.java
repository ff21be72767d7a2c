package org.optdyn.engine.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A rotation of a model's parameter vector at a {@link Scope} (adam-rotation.md §3): disjoint groups of indices
 * (the whole vector, a layer, a row, a column), each rotated by its {@link BlockRotation}, the rest left alone. The
 * reference construction of the paper is followed: one Haar block {@code R_n} for the whole run, one residual block
 * per distinct residual size, one permutation per layer and scope type, and for the row (column) scopes the same
 * block rotation for every row (column) of a layer, as a batched implementation does. With {@code n} equal to the
 * number of inputs, the output-wise scope therefore multiplies {@code W} on the right by one fixed orthogonal matrix.
 */
public final class ScopedRotation implements Rotation {

    /** A group of indices, its rotation and its gather/scatter buffers (shared by the groups of one size). */
    private record Part(int[] indices, Rotation rotation, double[] in, double[] out) {
        Part(int[] indices, Rotation rotation) {
            this(indices, rotation, null, null);
        }
    }

    private final int dimension;
    private final Scope scope;
    private final List<Part> parts;

    private ScopedRotation(int dimension, Scope scope, List<Part> groups) {
        this.dimension = dimension;
        this.scope = scope;
        var buffers = new java.util.HashMap<Integer, double[][]>();
        var withBuffers = new ArrayList<Part>();
        for (Part p : groups) {
            double[][] b = buffers.computeIfAbsent(p.indices().length, n -> new double[][] {new double[n], new double[n]});
            withBuffers.add(new Part(p.indices(), p.rotation(), b[0], b[1]));
        }
        this.parts = List.copyOf(withBuffers);
    }

    /**
     * @param layout    the model's parameters
     * @param scope     what to rotate
     * @param blockSize the Haar block size {@code n} of {@link BlockRotation} (the paper uses 768)
     * @param rng       the stream of every draw (blocks and permutations, in layout order)
     */
    public static ScopedRotation of(ParameterLayout layout, Scope scope, int blockSize, RandomGenerator rng) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(scope, "scope");
        var blocks = new BlockRotation.Blocks(blockSize, rng);
        int d = layout.size();
        var parts = new ArrayList<Part>();
        if (scope == Scope.GLOBAL) {
            parts.add(new Part(range(0, d, 1), blocks.rotation(d)));
        } else if (scope != Scope.NONE) {
            for (int t = 0; t < layout.tensors().size(); t++) {
                if (!(layout.tensors().get(t) instanceof ParameterLayout.Matrix m)) {
                    continue;
                }
                int off = layout.offset(t);
                switch (scope) {
                    case LAYER -> parts.add(new Part(range(off, m.size(), 1), blocks.rotation(m.size())));
                    case OUTPUT -> {
                        Rotation r = blocks.rotation(m.cols());
                        for (int i = 0; i < m.rows(); i++) {
                            parts.add(new Part(range(off + i * m.cols(), m.cols(), 1), r));
                        }
                    }
                    case INPUT -> {
                        Rotation r = blocks.rotation(m.rows());
                        for (int j = 0; j < m.cols(); j++) {
                            parts.add(new Part(range(off + j, m.rows(), m.cols()), r));
                        }
                    }
                    default -> throw new IllegalStateException("unreachable: " + scope);
                }
            }
        }
        return new ScopedRotation(d, scope, parts);
    }

    private static int[] range(int start, int count, int stride) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = start + i * stride;
        }
        return r;
    }

    /** @return the scope */
    public Scope scope() {
        return scope;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void rotate(double[] x, double[] y) {
        Rotation.checkArguments(this, x, y);
        apply(x, y, true);
    }

    @Override
    public void rotateBack(double[] x, double[] y) {
        Rotation.checkArguments(this, x, y);
        apply(x, y, false);
    }

    private void apply(double[] x, double[] y, boolean forward) {
        System.arraycopy(x, 0, y, 0, dimension);
        for (Part p : parts) {
            int[] idx = p.indices();
            int n = idx.length;
            double[] a = p.in();
            double[] b = p.out();
            for (int i = 0; i < n; i++) {
                a[i] = x[idx[i]];
            }
            if (forward) {
                p.rotation().rotate(a, b);
            } else {
                p.rotation().rotateBack(a, b);
            }
            for (int i = 0; i < n; i++) {
                y[idx[i]] = b[i];
            }
        }
    }

    @Override
    public String toString() {
        return "ScopedRotation[" + scope + ", D = " + dimension + ", " + parts.size() + " groups]";
    }
}
