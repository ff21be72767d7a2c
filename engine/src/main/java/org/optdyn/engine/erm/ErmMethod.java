package org.optdyn.engine.erm;

/**
 * The first-order iteration of dmft.md §1: where the gradient is evaluated (the query point {@code q^t}) and how the
 * step is formed. {@code theta^{-1} = theta^0}.
 * <pre>
 *   heavy ball (beta = 0: GD/SGD): theta^{t+1} = theta^t + beta (theta^t - theta^{t-1}) - eta [lambda theta^t + grad(theta^t)]
 *   Nesterov:                      q^t = theta^t + beta (theta^t - theta^{t-1}),  theta^{t+1} = q^t - eta [lambda q^t + grad(q^t)]
 * </pre>
 */
public sealed interface ErmMethod {

    /** @return the momentum {@code beta} (0 for gradient descent) */
    double beta();

    /** @return whether the gradient is taken at the look-ahead point {@code q^t} (Nesterov) */
    default boolean lookAhead() {
        return this instanceof Nesterov;
    }

    /** Plain gradient descent (full batch) or SGD (Bernoulli batch): heavy ball with {@code beta = 0}. */
    record GradientDescent() implements ErmMethod {
        @Override
        public double beta() {
            return 0;
        }
    }

    /** Polyak's heavy ball with momentum {@code beta} in [0, 1). */
    record HeavyBall(double beta) implements ErmMethod {
        public HeavyBall {
            checkBeta(beta);
        }
    }

    /** Nesterov's accelerated gradient with momentum {@code beta} in [0, 1). */
    record Nesterov(double beta) implements ErmMethod {
        public Nesterov {
            checkBeta(beta);
        }
    }

    /**
     * Parses {@code gd}, {@code heavy-ball:BETA} or {@code nesterov:BETA} (the command line's {@code --method}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static ErmMethod parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("method must be gd, heavy-ball:BETA or nesterov:BETA, got '" + spec + "'");
        }
        String s = spec.trim();
        if (s.equals("gd") || s.equals("sgd")) {
            return new GradientDescent();
        }
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        if (colon < 0 || !(name.equals("heavy-ball") || name.equals("nesterov"))) {
            throw new IllegalArgumentException("method must be gd, heavy-ball:BETA or nesterov:BETA, got '" + spec + "'");
        }
        double beta;
        try {
            beta = Double.parseDouble(s.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("method: BETA must be a number, got '" + spec + "'");
        }
        return name.equals("heavy-ball") ? new HeavyBall(beta) : new Nesterov(beta);
    }

    private static void checkBeta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
    }
}
