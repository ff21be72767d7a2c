package org.optdyn.theory.ode;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A learning-rate rule coupled to the ODE (sgd-ode.md §2.6). The SGD step multiplier is g_k/d; the deterministic
 * learning rate γ_t is the equivalent of g_{⌊td⌋}.
 *
 * <table>
 *   <caption>deterministic γ_t</caption>
 *   <tr><td>{@link Constant}</td><td>γ</td></tr>
 *   <tr><td>{@link Schedule}</td><td>γ(t)</td></tr>
 *   <tr><td>{@link AdaGradNorm}</td><td>η / √(b² + λ̄ ∫₀ᵗ I)   (§4.2, [HL] eqs. (16)–(17))</td></tr>
 *   <tr><td>{@link ExactLineSearch}</td><td>‖∇R‖² / (2H₁ m₂ I)   (§5.1, [HL] Table 2)</td></tr>
 *   <tr><td>{@link Polyak}</td><td>A(B) / (λ̄ I)   (§5.2, [HL] eq. (89))</td></tr>
 * </table>
 */
public sealed interface LearningRateRule {

    /** Constant rate γ &gt; 0. */
    record Constant(double gamma) implements LearningRateRule {
        /** Validates γ. */
        public Constant {
            if (!(gamma > 0) || Double.isInfinite(gamma)) {
                throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
            }
        }
    }

    /**
     * A deterministic schedule γ(t) (t = k/d), which must be positive and finite on the integration interval.
     *
     * @param gamma       t ↦ γ(t)
     * @param description a short human-readable form (for reports)
     */
    record Schedule(DoubleUnaryOperator gamma, String description) implements LearningRateRule {
        /** Validates the arguments. */
        public Schedule {
            if (gamma == null) {
                throw new IllegalArgumentException("gamma schedule must be non-null");
            }
            description = description == null ? "schedule" : description;
        }
    }

    /**
     * AdaGrad-Norm (sgd-ode.md §4.1–4.2, [HL] Algorithm 1): g_k = η / √(b² + d⁻² Σ_{j≤k} ‖∇Ψ_j‖²), so
     * γ₀ = η/b and γ_t is non-increasing.
     */
    record AdaGradNorm(double eta, double b) implements LearningRateRule {
        /** Validates η, b. */
        public AdaGradNorm {
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
            }
            if (!(b > 0) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("b must be finite and > 0, got " + b);
            }
        }

        /** The initial rate γ₀ = η/b. */
        public double initialRate() {
            return eta / b;
        }
    }

    /** Idealized exact line search, greedy for the risk (sgd-ode.md §5.1). Needs H₁ &gt; 0. */
    record ExactLineSearch() implements LearningRateRule {
    }

    /** Idealized Polyak step, greedy for the distance to the target (sgd-ode.md §5.2). */
    record Polyak() implements LearningRateRule {
    }

    /** Shorthand for {@link Constant}. */
    static LearningRateRule constant(double gamma) {
        return new Constant(gamma);
    }

    /** Shorthand for {@link AdaGradNorm}. */
    static LearningRateRule adaGradNorm(double eta, double b) {
        return new AdaGradNorm(eta, b);
    }

    /**
     * Parses the command-line syntax {@code const:GAMMA | adagrad-norm:ETA,B | line-search | polyak}.
     */
    static LearningRateRule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("learning-rate spec must be non-empty, got '" + spec + "'");
        }
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : s.substring(colon + 1).trim();
        try {
            return switch (kind) {
                case "const", "constant" -> new Constant(Double.parseDouble(arg));
                case "adagrad-norm", "adagrad" -> {
                    String[] p = arg.split(",");
                    if (p.length != 2) {
                        throw new IllegalArgumentException("adagrad-norm needs ETA,B, got '" + arg + "'");
                    }
                    yield new AdaGradNorm(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
                }
                case "line-search" -> new ExactLineSearch();
                case "polyak" -> new Polyak();
                default -> throw new IllegalArgumentException("unknown learning-rate rule '" + kind + "' in '"
                        + spec + "' (const:GAMMA, adagrad-norm:ETA,B, line-search, polyak)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed number in learning-rate spec '" + spec + "'", e);
        }
    }
}
