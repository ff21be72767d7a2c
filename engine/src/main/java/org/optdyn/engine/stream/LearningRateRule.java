package org.optdyn.engine.stream;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * How the simulator chooses the order-one learning rate {@code g_k} (the step multiplier is {@code g_k / d};
 * sgd-ode.md §1.4, §2.6 table).
 */
public sealed interface LearningRateRule {

    /** Constant {@code g_k = gamma}. */
    record Constant(double gamma) implements LearningRateRule {
        public Constant {
            if (!(gamma >= 0) || !Double.isFinite(gamma)) {
                throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
            }
        }
    }

    /** Schedule {@code g_k = gamma(k/d)} (the function must return finite values {@code >= 0}). */
    record Schedule(DoubleUnaryOperator gammaOfTime) implements LearningRateRule {
        public Schedule {
            Objects.requireNonNull(gammaOfTime, "gammaOfTime");
        }
    }

    /**
     * AdaGrad-Norm ([HL] Algorithm 1, sgd-ode.md §4.1): {@code g_k = eta / sqrt(b^2 + d^-2 sum_{j<=k} |grad_j|^2)},
     * the accumulator updated with the gradient about to be used, before it is used (§8 step 4).
     */
    record AdaGradNorm(double eta, double b) implements LearningRateRule {
        public AdaGradNorm {
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
            }
            if (!(b > 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("b must be finite and > 0, got " + b);
            }
        }
    }

    /**
     * Idealized exact line search on least squares (§5.1, [HL] Table 2):
     * {@code g_k = |K(X_k - X*)|^2 / (2 m_2 R(X_k))}, from the population quantities at the current iterate.
     */
    record ExactLineSearch() implements LearningRateRule {
    }

    /**
     * Idealized Polyak step on least squares (§5.2): {@code g_k = (2R(X_k) - omega^2) / (2 lambda-bar R(X_k))}.
     */
    record Polyak() implements LearningRateRule {
    }
}
