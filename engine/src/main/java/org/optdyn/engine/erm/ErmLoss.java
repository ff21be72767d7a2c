package org.optdyn.engine.erm;

/**
 * The per-sample loss {@code l(r; y)} of the empirical risk {@code sum_mu l(x_mu . theta; y_mu) + (lambda/2)|theta|^2}
 * (dmft.md §1), with its label model.
 */
public sealed interface ErmLoss {

    /** Square loss {@code l(r; y) = (r - y)^2 / 2}, labels {@code y = r* + sigma eps}. */
    record Square() implements ErmLoss {
    }

    /**
     * Logistic loss {@code l(r; y) = log(1 + e^{-y r})}, labels {@code y = sign(r* + sigma eps)} (dmft.md §7 D8).
     */
    record Logistic() implements ErmLoss {
    }

    /**
     * Parses {@code square} or {@code logistic} (the command line's {@code --loss}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static ErmLoss parse(String spec) {
        return switch (spec == null ? "" : spec.trim()) {
            case "square" -> new Square();
            case "logistic" -> new Logistic();
            default -> throw new IllegalArgumentException("loss must be square or logistic, got '" + spec + "'");
        };
    }
}
