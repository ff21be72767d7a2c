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

    /** @return {@code l''(r; y)}, the second derivative in {@code r} (the sample response of dmft.md §2.1) */
    double secondDerivative(double r, double y);

    /** @return {@code d/dy l'(r; y)}, the derivative of {@code l'} in the label (the teacher drift of dmft.md §2.1) */
    double labelDerivative(double r, double y);

    /**
     * @return whether the label {@code f(r*, eps)} is differentiable in {@code r*}; if not (a sign), the teacher drift
     *         of dmft.md §2.1 is taken by Gaussian integration by parts instead of {@link #labelSlope}
     */
    boolean labelDifferentiable();

    /**
     * @return {@code df/dr*} at {@code (r*, sigma eps)}
     * @throws UnsupportedOperationException if {@link #labelDifferentiable()} is false
     */
    double labelSlope(double teacherField, double noise);

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

        /** {@code 1}. */
        @Override
        public double secondDerivative(double r, double y) {
            return 1;
        }

        /** {@code -1}. */
        @Override
        public double labelDerivative(double r, double y) {
            return -1;
        }

        @Override
        public boolean labelDifferentiable() {
            return true;
        }

        /** {@code 1}. */
        @Override
        public double labelSlope(double teacherField, double noise) {
            return 1;
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

        /**
         * {@code y^2 p (1 - p)} with {@code p = 1/(1 + e^{y r})}, evaluated as {@code y^2 e/(1 + e)^2} with
         * {@code e = e^{-|y r|}} (no overflow).
         */
        @Override
        public double secondDerivative(double r, double y) {
            double e = Math.exp(-Math.abs(y * r));
            double d = 1 + e;
            return y * y * e / (d * d);
        }

        /** {@code d/dy [-y p(y r)] = -p + y r p (1 - p)}, {@code p = 1/(1 + e^{y r})}. */
        @Override
        public double labelDerivative(double r, double y) {
            double z = y * r;
            double e = Math.exp(-Math.abs(z));
            double p = z > 0 ? e / (1 + e) : 1 / (1 + e);
            return -p + z * e / ((1 + e) * (1 + e));
        }

        /** {@code false}: the label is a sign. */
        @Override
        public boolean labelDifferentiable() {
            return false;
        }

        /** @throws UnsupportedOperationException always: the label is a sign (use integration by parts) */
        @Override
        public double labelSlope(double teacherField, double noise) {
            throw new UnsupportedOperationException("the logistic label sign(r* + sigma eps) is not differentiable in r*");
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
