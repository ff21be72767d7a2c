package org.optdyn.engine.stream;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * How the order-one learning rate {@code g_k} is chosen (sgd-ode.md §1.4, §2.6): the SGD step multiplier is
 * {@code g_k / d}, and the deterministic rate {@code γ_t} of the ODE is the equivalent of {@code g_⌊td⌋}. One type
 * for the simulator ({@link StreamingSimulator}, {@link HomogenizedSgd}) and for the ODE of the theory module.
 *
 * <table>
 *   <caption>the rule and its deterministic rate γ_t</caption>
 *   <tr><td>{@link Constant}</td><td>γ</td></tr>
 *   <tr><td>{@link Schedule}</td><td>γ(t)</td></tr>
 *   <tr><td>{@link AdaGradNorm}</td><td>η / √(b² + λ̄ ∫₀ᵗ I)   (§4.2, [HL] eqs. (16)–(17))</td></tr>
 *   <tr><td>{@link ExactLineSearch}</td><td>‖∇R‖² / (2H₁ m₂ I)   (§5.1, [HL] Table 2)</td></tr>
 *   <tr><td>{@link Polyak}</td><td>A(B) / (λ̄ I)   (§5.2, [HL] eq. (89))</td></tr>
 * </table>
 *
 * <p>Validation policy (one for every solver and for {@link #parse}): a constant rate γ and AdaGrad-Norm's η and b
 * are finite and {@code > 0} (γ = 0 would freeze the dynamics, b = 0 make γ₀ = η/b infinite); a schedule must return
 * finite values {@code > 0} on the integration interval (not checked up front).
 */
public sealed interface LearningRateRule {

    /** Constant rate {@code g_k = γ}, finite and {@code > 0}. */
    record Constant(double gamma) implements LearningRateRule {
        /** Validates γ. */
        public Constant {
            requirePositive("gamma", gamma);
        }
    }

    /**
     * A deterministic schedule {@code g_k = γ(k/d)} (t = k/d), which must return finite values {@code > 0} on the
     * integration interval.
     *
     * @param gamma       t ↦ γ(t)
     * @param description a short human-readable form (for reports); {@code "schedule"} when null
     */
    record Schedule(DoubleUnaryOperator gamma, String description) implements LearningRateRule {
        /** Validates the arguments. */
        public Schedule {
            if (gamma == null) {
                throw new IllegalArgumentException("gamma schedule must be non-null");
            }
            description = description == null ? "schedule" : description;
        }

        /** A schedule described as {@code "schedule"}. */
        public Schedule(DoubleUnaryOperator gamma) {
            this(gamma, null);
        }
    }

    /**
     * AdaGrad-Norm ([HL] Algorithm 1, sgd-ode.md §4.1–4.2): {@code g_k = η / √(b² + d⁻² Σ_{j≤k} ‖∇Ψ_j‖²)}, the
     * accumulator updated with the gradient about to be used, before it is used (§8 step 4); so γ₀ = η/b and γ_t is
     * non-increasing.
     */
    record AdaGradNorm(double eta, double b) implements LearningRateRule {
        /** Validates η, b. */
        public AdaGradNorm {
            requirePositive("eta", eta);
            requirePositive("b", b);
        }

        /** The initial rate γ₀ = η/b. */
        public double initialRate() {
            return eta / b;
        }
    }

    /**
     * Idealized exact line search, greedy for the risk (§5.1, [HL] Table 2): on least squares
     * {@code g_k = |K(X_k - X*)|² / (2 m₂ R(X_k))}, from the population quantities at the current iterate. Needs
     * H₁ &gt; 0.
     */
    record ExactLineSearch() implements LearningRateRule {
    }

    /**
     * Idealized Polyak step, greedy for the distance to the target (§5.2): on least squares
     * {@code g_k = (2R(X_k) - ω²) / (2 λ̄ R(X_k))}.
     */
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
     * Parses the command-line form of a rule (the {@code --lr} flag of {@code optdyn}). Grammar, the kind
     * case-insensitive and surrounding blanks ignored (also around each number):
     * <pre>
     *   const:GAMMA | constant:GAMMA          {@link Constant}, GAMMA finite and &gt; 0
     *   adagrad-norm:ETA,B | adagrad:ETA,B    {@link AdaGradNorm}, ETA and B finite and &gt; 0
     *   line-search                           {@link ExactLineSearch}
     *   polyak                                {@link Polyak}
     * </pre>
     * Numbers are in {@link Double#parseDouble} syntax.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part and its value
     */
    static LearningRateRule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("learning rate must be non-empty, got '" + spec + "'");
        }
        var s = spec.strip();
        int colon = s.indexOf(':');
        var kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        var arg = colon < 0 ? "" : s.substring(colon + 1);
        return switch (kind) {
            case "const", "constant" -> new Constant(requirePositive("const GAMMA",
                    SpecNumbers.one("const GAMMA", arg)));
            case "adagrad-norm", "adagrad" -> {
                var v = SpecNumbers.list("adagrad-norm", arg);
                if (v.length != 2) {
                    throw new IllegalArgumentException("adagrad-norm needs ETA,B, got '" + arg + "'");
                }
                yield new AdaGradNorm(requirePositive("adagrad-norm ETA", v[0]),
                        requirePositive("adagrad-norm B", v[1]));
            }
            case "line-search", "polyak" -> {
                if (colon >= 0) {
                    throw new IllegalArgumentException("'" + kind + "' takes no argument, got '" + spec + "'");
                }
                yield kind.equals("polyak") ? new Polyak() : new ExactLineSearch();
            }
            default -> throw new IllegalArgumentException("unknown learning rate '" + spec
                    + "'; expected const:GAMMA, adagrad-norm:ETA,B, line-search or polyak");
        };
    }

    /**
     * @return {@code v} if finite and {@code > 0}
     * @throws IllegalArgumentException naming {@code what} and the value otherwise
     */
    private static double requirePositive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
        return v;
    }
}
