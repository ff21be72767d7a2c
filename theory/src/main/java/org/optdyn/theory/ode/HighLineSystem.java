package org.optdyn.theory.ode;

/**
 * The raw right-hand side of {@link HighLineOde} for one problem, for integrators other than the adaptive
 * Dormand–Prince of {@link HighLineOde#solve} (benchmarks, e.g. the forward Euler scheme of the reference
 * implementation). State layout: [ρ_j (LS, scaled residuals) or p_j | c_j | ∫𝓘 | Γ | ∫γ𝓘 | L]; use
 * {@link #risk(double, double[])} and {@link #learningRate(double, double[])} to read observables.
 * Holds no mutable state ({@link #derivatives} allocates its result). It deliberately does not expose the Hipparchus
 * ODE interface, which the theory module does not re-export.
 */
public final class HighLineSystem {

    private final HighLineOde.Equations eq;

    private HighLineSystem(HighLineOde.Equations eq) {
        this.eq = eq;
    }

    /** The system of a problem (its grid and options other than the LS form are ignored). */
    public static HighLineSystem of(OdeProblem problem) {
        return new HighLineSystem(new HighLineOde.Equations(problem));
    }

    /** A fresh initial state vector. */
    public double[] initialState() {
        return eq.initialState();
    }

    /** State dimension 2J + 4. */
    public int dimension() {
        return eq.getDimension();
    }

    /** dy/dt at (t, y) (a fresh array; the same function the adaptive integrator calls). */
    public double[] derivatives(double t, double[] y) {
        return eq.computeDerivatives(t, y);
    }

    /** The reported risk at state y. */
    public double risk(double t, double[] y) {
        return eq.observe(t, y).risk();
    }

    /** γ_t at state y. */
    public double learningRate(double t, double[] y) {
        return eq.observe(t, y).gamma();
    }
}
