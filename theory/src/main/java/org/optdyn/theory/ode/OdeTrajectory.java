package org.optdyn.theory.ode;

import org.optdyn.engine.outcome.Outcome;

/**
 * The deterministic-equivalent curves of one {@link OdeProblem}, recorded at the grid times reached (all of them
 * for {@link Outcome.Completed}, those before the blow-up for {@link Outcome.Diverged}). Index i of every
 * array refers to {@code times[i]}. Observables per sgd-ode.md §2.5:
 *
 * @param times                  t_i (t = k/d)
 * @param risk                   reported risk 𝓡(t) (LS, PR: h(B) incl. ½ω²; logistic: KL = h − h*)
 * @param learningRate           γ_t
 * @param fisher                 𝓘(t) = I(B(t))
 * @param b11                    B₁₁ = Σ_j λ_j p_j (≈ X_kᵀKX_k)
 * @param b12                    B₁₂ = Σ_j λ_j c_j
 * @param b22                    B₂₂ = Σ_j λ_j s_j (constant)
 * @param distanceSquared        D²(t) = Σ_j (p_j − 2c_j + s_j) (≈ ‖X_k − X*‖²)
 * @param normSquared            Σ_j p_j (≈ ‖X_k‖²)
 * @param targetOverlap          Σ_j c_j (≈ ⟨X_k, X*⟩)
 * @param fisherIntegral         ∫₀ᵗ 𝓘 (AdaGrad-Norm's accumulator, §4.2)
 * @param integratedLearningRate Γ(t) = ∫₀ᵗ γ
 * @param weightedFisherIntegral ∫₀ᵗ γ𝓘 (for the identity of §4.2)
 * @param groupP                 p_j(t_i) as [i][j], or null if not recorded
 * @param groupC                 c_j(t_i) as [i][j], or null if not recorded
 * @param groupS                 s_j (constant)
 * @param rhsEvaluations         right-hand-side evaluations used by the integrator
 */
public record OdeTrajectory(double[] times, double[] risk, double[] learningRate, double[] fisher,
                            double[] b11, double[] b12, double[] b22, double[] distanceSquared,
                            double[] normSquared, double[] targetOverlap, double[] fisherIntegral,
                            double[] integratedLearningRate, double[] weightedFisherIntegral,
                            double[][] groupP, double[][] groupC, double[] groupS, long rhsEvaluations) {

    /** Copies every array. */
    public OdeTrajectory {
        times = times.clone();
        risk = risk.clone();
        learningRate = learningRate.clone();
        fisher = fisher.clone();
        b11 = b11.clone();
        b12 = b12.clone();
        b22 = b22.clone();
        distanceSquared = distanceSquared.clone();
        normSquared = normSquared.clone();
        targetOverlap = targetOverlap.clone();
        fisherIntegral = fisherIntegral.clone();
        integratedLearningRate = integratedLearningRate.clone();
        weightedFisherIntegral = weightedFisherIntegral.clone();
        groupP = deep(groupP);
        groupC = deep(groupC);
        groupS = groupS.clone();
        int n = times.length;
        for (double[] a : new double[][]{risk, learningRate, fisher, b11, b12, b22, distanceSquared, normSquared,
                targetOverlap, fisherIntegral, integratedLearningRate, weightedFisherIntegral}) {
            if (a.length != n) {
                throw new IllegalArgumentException("all curves must have length " + n + ", got " + a.length);
            }
        }
    }

    private static double[][] deep(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** Number of recorded grid times. */
    public int size() {
        return times.length;
    }

    /** Index of grid time t (exact match), or −1. */
    public int indexOf(double t) {
        for (int i = 0; i < times.length; i++) {
            if (times[i] == t) {
                return i;
            }
        }
        return -1;
    }

    /** Risk at grid time t. @throws IllegalArgumentException if t was not recorded */
    public double riskAt(double t) {
        return risk[checkedIndex(t)];
    }

    /** Learning rate at grid time t. @throws IllegalArgumentException if t was not recorded */
    public double learningRateAt(double t) {
        return learningRate[checkedIndex(t)];
    }

    /** D² at grid time t. @throws IllegalArgumentException if t was not recorded */
    public double distanceSquaredAt(double t) {
        return distanceSquared[checkedIndex(t)];
    }

    /** Residuals r_j(t_i) = p_j − 2c_j + s_j at grid index i (fresh array). */
    public double[] groupResiduals(int i) {
        if (groupP == null) {
            throw new IllegalStateException("group overlaps were not recorded (OdeOptions.groupRecording)");
        }
        double[] r = new double[groupS.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = groupP[i][j] - 2 * groupC[i][j] + groupS[j];
        }
        return r;
    }

    private int checkedIndex(double t) {
        int i = indexOf(t);
        if (i < 0) {
            throw new IllegalArgumentException("time " + t + " is not a recorded grid time");
        }
        return i;
    }

    @Override public double[] times() { return times.clone(); }
    @Override public double[] risk() { return risk.clone(); }
    @Override public double[] learningRate() { return learningRate.clone(); }
    @Override public double[] fisher() { return fisher.clone(); }
    @Override public double[] b11() { return b11.clone(); }
    @Override public double[] b12() { return b12.clone(); }
    @Override public double[] b22() { return b22.clone(); }
    @Override public double[] distanceSquared() { return distanceSquared.clone(); }
    @Override public double[] normSquared() { return normSquared.clone(); }
    @Override public double[] targetOverlap() { return targetOverlap.clone(); }
    @Override public double[] fisherIntegral() { return fisherIntegral.clone(); }
    @Override public double[] integratedLearningRate() { return integratedLearningRate.clone(); }
    @Override public double[] weightedFisherIntegral() { return weightedFisherIntegral.clone(); }
    @Override public double[][] groupP() { return deep(groupP); }
    @Override public double[][] groupC() { return deep(groupC); }
    @Override public double[] groupS() { return groupS.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof OdeTrajectory x && java.util.Arrays.equals(times, x.times)
                && java.util.Arrays.equals(risk, x.risk) && java.util.Arrays.equals(learningRate, x.learningRate)
                && java.util.Arrays.deepEquals(groupP, x.groupP) && java.util.Arrays.deepEquals(groupC, x.groupC);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(times) * 31 + java.util.Arrays.hashCode(risk);
    }

    @Override
    public String toString() {
        return "OdeTrajectory[points=" + times.length + ", rhsEvaluations=" + rhsEvaluations + "]";
    }
}
