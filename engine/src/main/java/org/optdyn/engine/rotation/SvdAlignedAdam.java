package org.optdyn.engine.rotation;

import java.util.Objects;
import org.optdyn.engine.linalg.SingularValueDecomposition;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.optim.DoubleUpdateRule;

/**
 * Adam in the paper's SVD rotation (adam-rotation.md §3, "SVD rotation — reference mode"; paper §3.2, Alg. 5): for
 * every {@link ParameterLayout.Matrix} {@code W} ({@code m x n}) of the layout, at refresh steps the full SVD
 * {@code G_t = U S V^T} of the current gradient slice is taken ({@link SingularValueDecomposition}, square {@code U},
 * {@code V}); every step
 * <pre>
 *   G~_t = U^T G_t V,   m, v updated with G~_t (Adam's moments live in the rotated basis)
 *   W   &lt;- W - alpha U (m^_t / (sqrt(v^_t) + eps)) V^T   (- alpha lambda W with decoupled decay)
 * </pre>
 * {@link ParameterLayout.Vector} parameters (biases, gains) are left unrotated: plain Adam on them (the paper does not
 * cover them; our choice, recorded in adam-rotation.md §3).
 *
 * <p>Refresh steps: {@code t = 1} and every {@code t} with {@code t mod f = 0} (the spec's choice: Alg. 5 refreshes
 * only at {@code t mod f = 0}, leaving {@code U, V} undefined before step {@code f}). On a refresh Adam's moments are
 * carried over unchanged: no re-projection, no reset. With {@code f} larger than the run, the basis is the SVD of
 * the first gradient, fixed, and the rule equals {@link RotatedBasis} with that {@link TwoSidedRotation}.
 *
 * <p>Implementation: the rule of {@link RotatedBasis} with the block-diagonal rotation
 * {@code blockdiag(U_k^T . V_k)} (identity on vectors) and one {@link Adam} over all {@code D} coordinates; weight
 * decay (coupled or decoupled) acts on the rotated parameters, which is the same decay rotated back since the map
 * is linear and orthogonal. Non-refresh steps allocate nothing; a refresh allocates the SVD and the new
 * {@link TwoSidedRotation} of each matrix ({@code O(mn min(m,n))} work per sweep of the one-sided Jacobi SVD, plus
 * {@code O(m^2 + n^2)} memory). One instance must not be used by two threads at once.
 */
public final class SvdAlignedAdam implements DoubleUpdateRule {

    private final ParameterLayout layout;
    private final int refreshPeriod;
    private final Adam adam;
    private final int[] offsets;
    private final TwoSidedRotation[] bases;
    private final double[][] sliceIn;
    private final double[][] sliceOut;
    private final double[] rotatedGrad;
    private final double[] rotatedParams;
    private final double[] before;
    private long t;

    /**
     * @param layout        how the parameters lie in the flat array
     * @param config        Adam's hyperparameters (AMSGrad and both kinds of weight decay allowed)
     * @param refreshPeriod {@code f >= 1}: refresh {@code U, V} at {@code t = 1} and whenever {@code t mod f = 0}
     */
    public SvdAlignedAdam(ParameterLayout layout, Adam.Config config, int refreshPeriod) {
        this.layout = Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(config, "config");
        if (refreshPeriod < 1) {
            throw new IllegalArgumentException("refreshPeriod must be >= 1, got " + refreshPeriod);
        }
        this.refreshPeriod = refreshPeriod;
        int d = layout.size();
        this.adam = new Adam(d, config);
        int k = layout.tensors().size();
        offsets = new int[k];
        bases = new TwoSidedRotation[k];
        sliceIn = new double[k][];
        sliceOut = new double[k][];
        for (int i = 0; i < k; i++) {
            offsets[i] = layout.offset(i);
            if (layout.tensors().get(i) instanceof ParameterLayout.Matrix m) {
                sliceIn[i] = new double[m.size()];
                sliceOut[i] = new double[m.size()];
            }
        }
        rotatedGrad = new double[d];
        rotatedParams = new double[d];
        before = new double[d];
    }

    /** @return the layout */
    public ParameterLayout layout() {
        return layout;
    }

    /** @return the refresh period {@code f} */
    public int refreshPeriod() {
        return refreshPeriod;
    }

    /** @return the Adam rule run in the rotated basis (its moments are in rotated coordinates) */
    public Adam adam() {
        return adam;
    }

    /** @return the number of steps taken since construction or the last {@link #reset()} */
    public long stepCount() {
        return t;
    }

    /**
     * @param tensor index of a tensor of the layout
     * @return the current basis {@code (U, V)} of that matrix, or {@code null} for a vector or before the first step
     */
    public TwoSidedRotation basis(int tensor) {
        return bases[tensor];
    }

    /** @return whether step {@code step} (1-based) refreshes the basis: {@code step = 1} or {@code step mod f = 0} */
    public boolean isRefreshStep(long step) {
        return step == 1 || step % refreshPeriod == 0;
    }

    @Override
    public int dimension() {
        return rotatedGrad.length;
    }

    @Override
    public void step(double[] params, double[] grad, double learningRate) {
        int d = rotatedGrad.length;
        if (params.length != d || grad.length != d) {
            throw new IllegalArgumentException("params and grad must have length " + d + ", got " + params.length
                    + " and " + grad.length);
        }
        t++;
        if (isRefreshStep(t)) {
            refresh(grad);
        }
        apply(grad, rotatedGrad, true);
        apply(params, rotatedParams, true);
        System.arraycopy(rotatedParams, 0, before, 0, d);
        adam.step(rotatedParams, rotatedGrad, learningRate);
        for (int i = 0; i < d; i++) {
            rotatedParams[i] -= before[i];
        }
        apply(rotatedParams, before, false);
        for (int i = 0; i < d; i++) {
            params[i] += before[i];
        }
    }

    /**
     * The update direction of adam-rotation.md §4 rotated back to the original basis: on each matrix
     * {@code A = U (m_t / (sqrt(v_t) + eps)) V^T} with the uncorrected moments ({@link Adam#direction}), on each
     * vector {@code m_t / (sqrt(v_t) + eps)}. All zeros before the first step.
     *
     * @param out length {@link #dimension()}, written
     */
    public void direction(double[] out) {
        if (out.length != rotatedGrad.length) {
            throw new IllegalArgumentException("out must have length " + rotatedGrad.length + ", got " + out.length);
        }
        adam.direction(rotatedParams);
        if (t == 0) {
            System.arraycopy(rotatedParams, 0, out, 0, out.length);
            return;
        }
        apply(rotatedParams, out, false);
    }

    /** Full SVD of each matrix slice of {@code grad}; new bases (the only allocation of a step). */
    private void refresh(double[] grad) {
        for (int i = 0; i < bases.length; i++) {
            if (layout.tensors().get(i) instanceof ParameterLayout.Matrix m) {
                System.arraycopy(grad, offsets[i], sliceIn[i], 0, m.size());
                SingularValueDecomposition svd = SingularValueDecomposition.of(sliceIn[i], m.rows(), m.cols());
                bases[i] = new TwoSidedRotation(DenseRotation.of(svd.u()), DenseRotation.of(svd.v()));
            }
        }
    }

    /** {@code out = blockdiag(U_k^T . V_k) x} ({@code forward}) or its transpose; vectors copied. */
    private void apply(double[] x, double[] out, boolean forward) {
        for (int i = 0; i < bases.length; i++) {
            int off = offsets[i];
            int size = layout.tensors().get(i).size();
            TwoSidedRotation r = bases[i];
            if (r == null) {
                System.arraycopy(x, off, out, off, size);
                continue;
            }
            System.arraycopy(x, off, sliceIn[i], 0, size);
            if (forward) {
                r.rotate(sliceIn[i], sliceOut[i]);
            } else {
                r.rotateBack(sliceIn[i], sliceOut[i]);
            }
            System.arraycopy(sliceOut[i], 0, out, off, size);
        }
    }

    @Override
    public void reset() {
        t = 0;
        adam.reset();
        java.util.Arrays.fill(bases, null);
    }

    @Override
    public String toString() {
        return "SvdAlignedAdam[f = " + refreshPeriod + ", " + adam + "]";
    }
}
