package org.optdyn.engine.rotation;

import java.util.Objects;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.optim.DoubleUpdateRule;

/**
 * Any update rule run in a rotated basis (adam-rotation.md §3, "training in a rotated basis"): the parameters stay in
 * the original basis, and each step
 * <pre>
 *   g~ = R g,   y = R theta,   y' = rule.step(y, g~),   theta &lt;- theta + R^T (y' - y)
 * </pre>
 * which is the rule run on {@code theta~ = R theta} with loss {@code L(R^T theta~)}; the rule's state (Adam's moments)
 * lives in the rotated basis. The rule sees the rotated parameters, so decoupled weight decay acts on them, which
 * is the same decay rotated back. A step costs three applications of {@code R} ({@code O(n D)} for a
 * {@link BlockRotation}) plus the rule's own step, and allocates nothing. For a rule that is rotation equivariant
 * (GD, heavy ball, Nesterov) the trajectory equals the unrotated one up to rounding (fact 1); Adam's does not
 * (fact 2) unless {@code R} is a signed permutation (fact 3).
 */
public final class RotatedBasis implements DoubleUpdateRule {

    private final Rotation rotation;
    private final DoubleUpdateRule rule;
    private final double[] rotatedGrad;
    private final double[] rotatedParams;
    private final double[] before;
    private final double[] back;

    /**
     * @param rotation the basis {@code R}
     * @param rule     the rule to run in it, of the same dimension
     */
    public RotatedBasis(Rotation rotation, DoubleUpdateRule rule) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.rule = Objects.requireNonNull(rule, "rule");
        int d = rotation.dimension();
        if (rule.dimension() != d) {
            throw new IllegalArgumentException("rule has dimension " + rule.dimension() + " but the rotation " + d);
        }
        rotatedGrad = new double[d];
        rotatedParams = new double[d];
        before = new double[d];
        back = new double[d];
    }

    /** @return the basis {@code R} */
    public Rotation rotation() {
        return rotation;
    }

    /** @return the rule run in the basis (its state is in rotated coordinates) */
    public DoubleUpdateRule rule() {
        return rule;
    }

    /**
     * The paper's update direction {@code A_t = R^T (m_t / (sqrt(v_t) + eps))} (adam-rotation.md §4) of an Adam rule
     * run in this basis, rotated back to the original basis.
     *
     * @param out length {@link #dimension()}, written
     * @throws IllegalStateException if the rule is not {@link Adam}
     */
    public void direction(double[] out) {
        if (!(rule instanceof Adam adam)) {
            throw new IllegalStateException("the update direction m/(sqrt(v) + eps) is Adam's; this basis runs " + rule);
        }
        adam.direction(rotatedParams);
        rotation.rotateBack(rotatedParams, out);
    }

    @Override
    public int dimension() {
        return rotation.dimension();
    }

    @Override
    public void step(double[] params, double[] grad, double learningRate) {
        int d = rotation.dimension();
        if (params.length != d || grad.length != d) {
            throw new IllegalArgumentException("params and grad must have length " + d + ", got " + params.length
                    + " and " + grad.length);
        }
        rotation.rotate(grad, rotatedGrad);
        rotation.rotate(params, rotatedParams);
        System.arraycopy(rotatedParams, 0, before, 0, d);
        rule.step(rotatedParams, rotatedGrad, learningRate);
        for (int i = 0; i < d; i++) {
            rotatedParams[i] -= before[i];
        }
        rotation.rotateBack(rotatedParams, back);
        for (int i = 0; i < d; i++) {
            params[i] += back[i];
        }
    }

    @Override
    public void reset() {
        rule.reset();
    }

    @Override
    public String toString() {
        return "RotatedBasis[" + rotation + ", " + rule + "]";
    }
}
