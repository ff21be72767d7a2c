package org.optdyn.engine.erm;

/**
 * The per-sample loss {@code l(r; y)} of the empirical risk {@code sum_mu l(x_mu . theta; y_mu) + (lambda/2)|theta|^2}
 * (dmft.md §1), with its label model.
 */
public sealed interface ErmLoss {

    /** @return {@code l(r; y)} */
    double value(double r, double y);

    /** @return {@code l'(r; y)}, the derivative in {@code r} */
    double derivative(double r, double y);

    /** @return the label {@code y = f(r*, eps)} of a sample with teacher field {@code r*}, noise {@code sigma eps} */
    double label(double teacherField, double noise);

    /** Square loss {@code l(r; y) = (r - y)^2 / 2}, labels {@code y = r* + sigma eps}. */
    record Square() implements ErmLoss {
        @Override
        public double value(double r, double y) {
            double e = r - y;
            return 0.5 * e * e;
        }

        @Override
        public double derivative(double r, double y) {
            return r - y;
        }

        @Override
        public double label(double teacherField, double noise) {
            return teacherField + noise;
        }
    }

    /**
     * Logistic loss {@code l(r; y) = log(1 + e^{-y r})}, labels {@code y = sign(r* + sigma eps)} (dmft.md §7 D8).
     */
    record Logistic() implements ErmLoss {
        /** {@code log(1 + e^{-z})}, {@code z = y r}, without overflow. */
        @Override
        public double value(double r, double y) {
            double z = y * r;
            return z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
        }

        /** {@code -y / (1 + e^{y r})}. */
        @Override
        public double derivative(double r, double y) {
            return -y / (1 + Math.exp(y * r));
        }

        /** {@code sign(r* + sigma eps)}, with {@code sign(0) = +1}. */
        @Override
        public double label(double teacherField, double noise) {
            return teacherField + noise >= 0 ? 1 : -1;
        }
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
