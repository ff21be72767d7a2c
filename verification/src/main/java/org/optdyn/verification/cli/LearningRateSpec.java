package org.optdyn.verification.cli;

import java.util.Locale;

/**
 * The {@code --lr} flag: the learning-rate rule of sgd-ode.md §2.6 (the step multiplier is g_k/d, §1.4).
 * {@code const:GAMMA} (γ &gt; 0), {@code adagrad-norm:ETA,B} (η &gt; 0, b &gt; 0; §4), {@code line-search} and
 * {@code polyak} (§5).
 */
sealed interface LearningRateSpec {

    /** Constant γ. */
    record Constant(double gamma) implements LearningRateSpec {
        public Constant {
            positive("const GAMMA", gamma);
        }
    }

    /** AdaGrad-Norm(η, b): g_k = η / sqrt(b² + d⁻² Σ_{j≤k} ‖∇Ψ_j‖²). */
    record AdaGradNorm(double eta, double b) implements LearningRateSpec {
        public AdaGradNorm {
            positive("adagrad-norm ETA", eta);
            positive("adagrad-norm B", b);
        }
    }

    /** Exact line search on the population risk. */
    record LineSearch() implements LearningRateSpec {
    }

    /** Polyak step size on the population risk. */
    record Polyak() implements LearningRateSpec {
    }

    /** @throws IllegalArgumentException with a one-line message naming the bad part */
    static LearningRateSpec parse(String spec) {
        var s = spec.strip();
        int colon = s.indexOf(':');
        var kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        var arg = colon < 0 ? "" : s.substring(colon + 1);
        return switch (kind) {
            case "const" -> new Constant(Numbers.one("const GAMMA", arg));
            case "adagrad-norm" -> {
                var v = Numbers.list("adagrad-norm", arg);
                if (v.length != 2) {
                    throw new IllegalArgumentException("adagrad-norm needs ETA,B, got '" + arg + "'");
                }
                yield new AdaGradNorm(v[0], v[1]);
            }
            case "line-search", "polyak" -> {
                if (colon >= 0) {
                    throw new IllegalArgumentException("'" + kind + "' takes no argument, got '" + spec + "'");
                }
                yield kind.equals("polyak") ? new Polyak() : new LineSearch();
            }
            default -> throw new IllegalArgumentException("unknown learning rate '" + spec
                    + "'; expected const:GAMMA, adagrad-norm:ETA,B, line-search or polyak");
        };
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
    }
}
