package org.optdyn.theory.averagecase;

/**
 * The expected errors of Theorem A (section 1.4) for {@code R^2 = E||e_0||^2 = 1}, indexed by {@code t = 0..T}:
 * {@code E_l(t) = int lambda^l P_t(lambda)^2 dmu}. Then {@code E||x_t - x*||^2 = R^2 E_0(t)},
 * {@code E[f(x_t) - f*] = (R^2/2) E_1(t)} and {@code E||grad f(x_t)||^2 = R^2 E_2(t)}.
 *
 * @param e0           {@code E_0(t)}
 * @param e1           {@code E_1(t)}
 * @param e2           {@code E_2(t)}
 * @param divergedAtStep the first {@code t} at which a value was not finite (the arrays stop before it), or
 *                     {@code -1} if all steps completed
 */
public record ExpectedErrors(double[] e0, double[] e1, double[] e2, int divergedAtStep) {

    public ExpectedErrors {
        e0 = e0.clone();
        e1 = e1.clone();
        e2 = e2.clone();
    }

    /** @return whether the curves stopped at a non-finite value. */
    public boolean diverged() {
        return divergedAtStep >= 0;
    }

    /** @return {@code D_t / R^2 = E_0(t)}. */
    public double distance(int t) {
        return e0[t];
    }

    /** @return {@code F_t / R^2 = E_1(t)/2}. */
    public double gap(int t) {
        return 0.5 * e1[t];
    }

    /** @return {@code G_t / R^2 = E_2(t)}. */
    public double gradient(int t) {
        return e2[t];
    }

    /** @return {@code E_l(t)} for {@code l in {0, 1, 2}}. */
    public double metric(int l, int t) {
        return switch (l) {
            case 0 -> e0[t];
            case 1 -> e1[t];
            case 2 -> e2[t];
            default -> throw new IllegalArgumentException("metric must be 0, 1 or 2, got " + l);
        };
    }

    /** @return a copy of the curve {@code E_l(0..T)}. */
    public double[] curve(int l) {
        return switch (l) {
            case 0 -> e0.clone();
            case 1 -> e1.clone();
            case 2 -> e2.clone();
            default -> throw new IllegalArgumentException("metric must be 0, 1 or 2, got " + l);
        };
    }

    @Override
    public double[] e0() {
        return e0.clone();
    }

    @Override
    public double[] e1() {
        return e1.clone();
    }

    @Override
    public double[] e2() {
        return e2.clone();
    }

    /** @return the last step index available. */
    public int lastStep() {
        return e0.length - 1;
    }
}
