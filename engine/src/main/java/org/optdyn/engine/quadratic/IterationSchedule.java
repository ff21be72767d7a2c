package org.optdyn.engine.quadratic;

/**
 * The coefficients of an oblivious first-order method for a fixed number of steps (docs/theory/average-case.md,
 * section 2). Two recurrence shapes cover every supported method:
 * <ul>
 *   <li>{@link Momentum}, form (M): {@code x_{t+1} = x_t - h_t g_t + m_t (x_t - x_{t-1})}, {@code x_{-1} = x_0}
 *       (GD, heavy ball, Chebyshev, U-Chebyshev, GCM, the average-case optimal method, Laguerre);</li>
 *   <li>{@link Nesterov}: {@code y_t = x_t + b_t (x_t - x_{t-1})}, {@code x_{t+1} = y_t - h_t grad f(y_t)},
 *       {@code x_{-1} = x_0}.</li>
 * </ul>
 * Arrays are copied on construction and access; entry {@code t} is used for the step {@code t -> t+1}.
 */
public sealed interface IterationSchedule {

    /** @return the number of steps the schedule covers. */
    int steps();

    /** @return the step size {@code h_t}. */
    double step(int t);

    /**
     * Form (M) with step sizes {@code h_t} and momenta {@code m_t}.
     *
     * @param stepSizes {@code h_0..h_{T-1}}, finite
     * @param momenta   {@code m_0..m_{T-1}}, finite ({@code m_0} multiplies {@code x_0 - x_{-1} = 0})
     */
    record Momentum(double[] stepSizes, double[] momenta) implements IterationSchedule {
        public Momentum {
            checkFinite("stepSizes", stepSizes);
            checkFinite("momenta", momenta);
            if (stepSizes.length != momenta.length) {
                throw new IllegalArgumentException("stepSizes.length = " + stepSizes.length
                        + " but momenta.length = " + momenta.length);
            }
            stepSizes = stepSizes.clone();
            momenta = momenta.clone();
        }

        @Override
        public double[] stepSizes() {
            return stepSizes.clone();
        }

        @Override
        public double[] momenta() {
            return momenta.clone();
        }

        @Override
        public int steps() {
            return stepSizes.length;
        }

        @Override
        public double step(int t) {
            return stepSizes[t];
        }

        /** @return {@code m_t}. */
        public double momentum(int t) {
            return momenta[t];
        }
    }

    /**
     * Nesterov's recurrence with step sizes {@code h_t} and extrapolation weights {@code b_t}.
     *
     * @param stepSizes {@code h_0..h_{T-1}}, finite
     * @param betas     {@code b_0..b_{T-1}}, finite
     */
    record Nesterov(double[] stepSizes, double[] betas) implements IterationSchedule {
        public Nesterov {
            checkFinite("stepSizes", stepSizes);
            checkFinite("betas", betas);
            if (stepSizes.length != betas.length) {
                throw new IllegalArgumentException("stepSizes.length = " + stepSizes.length
                        + " but betas.length = " + betas.length);
            }
            stepSizes = stepSizes.clone();
            betas = betas.clone();
        }

        @Override
        public double[] stepSizes() {
            return stepSizes.clone();
        }

        @Override
        public double[] betas() {
            return betas.clone();
        }

        @Override
        public int steps() {
            return stepSizes.length;
        }

        @Override
        public double step(int t) {
            return stepSizes[t];
        }

        /** @return {@code b_t}. */
        public double beta(int t) {
            return betas[t];
        }
    }

    private static void checkFinite(String name, double[] a) {
        java.util.Objects.requireNonNull(a, name);
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + a[i]);
            }
        }
    }
}
