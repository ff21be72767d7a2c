package org.optdyn.engine.stream;

/**
 * The per-sample loss {@code Psi(X; a, eps) = f(<a,X>, <a,X*>, eps)} of sgd-ode.md §1.2, through its derivative
 * {@code f' = df/dx}: the gradient is {@code f'(x, y, eps) a}. The simulator never evaluates risks (the theory layer
 * maps the recorded overlap matrix {@code B} to a risk), so only {@code f'} and the label-noise level are needed.
 */
public sealed interface LabelModel {

    /** @return {@code f'(x, y, eps)} with {@code x = <a,X>}, {@code y = <a,X*>}, {@code eps ~ N(0, omega^2)}. */
    double derivative(double x, double y, double eps);

    /** @return the standard deviation {@code omega} of the label noise (0: no noise is drawn). */
    double noiseSd();

    /** @return which model this is (the theory's view of the same model is {@code GlmModel.of(kind())}). */
    default ModelKind kind() {
        return switch (this) {
            case LeastSquares l -> ModelKind.LEAST_SQUARES;
            case Logistic l -> ModelKind.LOGISTIC;
            case PhaseRetrieval p -> ModelKind.PHASE_RETRIEVAL;
        };
    }

    /**
     * Least squares: label {@code y + eps}, {@code f = (x - y - eps)^2 / 2}, {@code f' = x - y - eps}.
     *
     * @param noiseSd {@code omega >= 0}, a standard deviation (§9 item 1)
     */
    record LeastSquares(double noiseSd) implements LabelModel {
        public LeastSquares {
            requireNoise(noiseSd);
        }

        @Override
        public double derivative(double x, double y, double eps) {
            return x - y - eps;
        }
    }

    /**
     * Logistic regression with the soft-label teacher (§1.2, §9 item 3): label {@code sigma(y)},
     * {@code f = -x sigma(y) + softplus(x)}, {@code f' = sigma(x) - sigma(y)}; no label noise ({@code omega = 0}).
     */
    record Logistic() implements LabelModel {
        @Override
        public double derivative(double x, double y, double eps) {
            return sigmoid(x) - sigmoid(y);
        }

        @Override
        public double noiseSd() {
            return 0;
        }

        /** @return {@code 1/(1+e^-u)}, evaluated without overflow. */
        public static double sigmoid(double u) {
            if (u >= 0) {
                return 1 / (1 + Math.exp(-u));
            }
            double e = Math.exp(u);
            return e / (1 + e);
        }
    }

    /**
     * Phase retrieval, quartic form (§1.2): label {@code y^2 + eps}, {@code f = (x^2 - y^2 - eps)^2 / 2},
     * {@code f' = 2x (x^2 - y^2 - eps)}.
     *
     * @param noiseSd {@code omega >= 0}
     */
    record PhaseRetrieval(double noiseSd) implements LabelModel {
        public PhaseRetrieval {
            requireNoise(noiseSd);
        }

        @Override
        public double derivative(double x, double y, double eps) {
            return 2 * x * (x * x - y * y - eps);
        }
    }

    private static void requireNoise(double noiseSd) {
        if (!(noiseSd >= 0) || !Double.isFinite(noiseSd)) {
            throw new IllegalArgumentException("noiseSd must be finite and >= 0, got " + noiseSd);
        }
    }
}
