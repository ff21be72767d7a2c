package org.optdyn.games;

import java.util.Objects;

import org.optdyn.theory.shapes.FirstOrderMethod;

/** What a {@link GameSolver} runs: a stationary method of the theory, or alternating gradient descent-ascent. */
public sealed interface Algorithm {

    /** @return a short label. */
    String label();

    /** @return oracle calls (field evaluations or VJPs) per iteration. */
    int oracleCalls();

    /**
     * One of the methods of spectral-shapes.md §5 with its exact update rule (GD, HB incl. negative momentum,
     * NAG, EG, OG, MEG, CO, ACO, SQ-HB).
     *
     * @param method the method and its hyper-parameters
     */
    record Standard(FirstOrderMethod method) implements Algorithm {
        public Standard {
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String label() {
            return method.label();
        }

        @Override
        public int oracleCalls() {
            return method.oracleCalls();
        }
    }

    /**
     * Alternating gradient descent-ascent: {@code x⁺ = x - η F_x(x, y)}, then {@code y⁺ = y - η F_y(x⁺, y)}
     * (Gidel et al., AISTATS 2019). On a bilinear game each singular value {@code σ} gives the iteration matrix
     * {@code [[1, -ησ], [ησ, 1 - η²σ²]]} with determinant 1: for {@code ησ < 2} its eigenvalues lie on the unit
     * circle, so the iterates neither converge nor diverge.
     *
     * @param eta step size
     */
    record AlternatingGda(double eta) implements Algorithm {
        public AlternatingGda {
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
            }
        }

        @Override
        public String label() {
            return "AltGDA(η=" + eta + ")";
        }

        @Override
        public int oracleCalls() {
            return 2;
        }
    }

    /** @return the theory method wrapped as an algorithm. */
    static Algorithm of(FirstOrderMethod method) {
        return new Standard(method);
    }
}
