package org.optdyn.engine.erm;

import java.util.Objects;

/**
 * One multi-pass empirical-risk problem on Gaussian data and the method that minimises it (dmft.md §1), the single
 * description read by the DMFT solvers (theory) and the finite-d simulator.
 *
 * <p>Data: {@code n = alpha d} rows {@code x_mu ~ N(0, Sigma/d)}; teacher {@code theta*} with i.i.d. coordinates of
 * second moment {@code rho} in {@code Sigma}'s eigenbasis; labels from {@link ErmLoss} with noise {@code sigma}. Risk
 * {@code sum_mu l(x_mu . theta; y_mu) + (lambda/2)|theta|^2} (a sum over samples). Per step each sample is selected
 * with probability {@code b} and the gradient is {@code kappa_b sum_mu s_mu x_mu l'}, {@code kappa_b = 1}
 * ({@link BatchNorm#SUM}) or {@code 1/b} ({@link BatchNorm#MEAN}). Initialisation: i.i.d. coordinates with
 * {@code E theta0_i^2 = Q0}, {@code E theta0_i theta*_i = M0}.
 *
 * @param loss                 the loss and label model
 * @param alpha                {@code n/d > 0}
 * @param ridge                {@code lambda >= 0}
 * @param learningRate         {@code eta > 0}
 * @param steps                the horizon {@code T >= 0}
 * @param batchFraction        {@code b} in (0, 1] (1: full batch)
 * @param batchNorm            how the selected samples are normalised
 * @param method               GD/SGD, heavy ball or Nesterov
 * @param langevinTemperature  {@code T_L >= 0}: adds {@code sqrt(2 eta T_L) zeta^t} per step
 * @param teacherSecondMoment  {@code rho > 0}
 * @param labelNoise           {@code sigma >= 0}
 * @param initialOverlap       {@code M0}
 * @param initialSecondMoment  {@code Q0 >= 0}, with {@code M0^2 <= Q0 rho}
 * @param covariance           the covariance classes
 */
public record ErmProblem(ErmLoss loss, double alpha, double ridge, double learningRate, int steps,
                         double batchFraction, BatchNorm batchNorm, ErmMethod method, double langevinTemperature,
                         double teacherSecondMoment, double labelNoise, double initialOverlap,
                         double initialSecondMoment, CovarianceClasses covariance) {

    /** Normalisation of the selected samples' gradient (dmft.md §1, §5). */
    public enum BatchNorm {
        /** {@code kappa_b = 1}: a plain sum over the selected samples (the reference values of dmft.md §6). */
        SUM,
        /** {@code kappa_b = 1/b}: mean-normalised, the expected step is the full-batch step (the paper's code). */
        MEAN;

        /**
         * Parses {@code sum} or {@code mean}.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public static BatchNorm parse(String spec) {
            return switch (spec == null ? "" : spec.trim()) {
                case "sum" -> SUM;
                case "mean" -> MEAN;
                default -> throw new IllegalArgumentException("batch-norm must be sum or mean, got '" + spec + "'");
            };
        }
    }

    public ErmProblem {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(batchNorm, "batchNorm");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(covariance, "covariance");
        positive("alpha", alpha);
        nonNegative("ridge", ridge);
        positive("learningRate", learningRate);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(batchFraction > 0 && batchFraction <= 1)) {
            throw new IllegalArgumentException("batchFraction must be in (0, 1], got " + batchFraction);
        }
        nonNegative("langevinTemperature", langevinTemperature);
        positive("teacherSecondMoment", teacherSecondMoment);
        nonNegative("labelNoise", labelNoise);
        nonNegative("initialSecondMoment", initialSecondMoment);
        if (!Double.isFinite(initialOverlap)
                || initialOverlap * initialOverlap > initialSecondMoment * teacherSecondMoment * (1 + 1e-12)) {
            throw new IllegalArgumentException("initialOverlap must satisfy M0^2 <= Q0 rho (Cauchy-Schwarz), got M0 = "
                    + initialOverlap + " with Q0 = " + initialSecondMoment + ", rho = " + teacherSecondMoment);
        }
    }

    /**
     * @return square loss, full-batch GD, {@code Sigma = I}, {@code rho = 1}, no label noise, {@code theta^0 = 0},
     *         {@code kappa_b = 1}, no Langevin noise
     */
    public static ErmProblem square(double alpha, double ridge, double learningRate, int steps) {
        return new ErmProblem(new ErmLoss.Square(), alpha, ridge, learningRate, steps, 1, BatchNorm.SUM,
                new ErmMethod.GradientDescent(), 0, 1, 0, 0, 0, CovarianceClasses.identity());
    }

    /** @return this problem with another loss */
    public ErmProblem withLoss(ErmLoss l) {
        return new ErmProblem(l, alpha, ridge, learningRate, steps, batchFraction, batchNorm, method,
                langevinTemperature, teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return this problem with Bernoulli batch fraction {@code b} and normalisation {@code norm} */
    public ErmProblem withBatch(double b, BatchNorm norm) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, b, norm, method, langevinTemperature,
                teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return this problem with another method */
    public ErmProblem withMethod(ErmMethod m) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, batchFraction, batchNorm, m, langevinTemperature,
                teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return this problem with Langevin temperature {@code tL} */
    public ErmProblem withLangevin(double tL) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, batchFraction, batchNorm, method, tL,
                teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return this problem with teacher second moment {@code rho} and label noise {@code sigma} */
    public ErmProblem withTeacher(double rho, double sigma) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, batchFraction, batchNorm, method,
                langevinTemperature, rho, sigma, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return this problem started from {@code E theta0 theta* = m0}, {@code E theta0^2 = q0} */
    public ErmProblem withStart(double m0, double q0) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, batchFraction, batchNorm, method,
                langevinTemperature, teacherSecondMoment, labelNoise, m0, q0, covariance);
    }

    /** @return this problem with covariance classes {@code c} */
    public ErmProblem withCovariance(CovarianceClasses c) {
        return new ErmProblem(loss, alpha, ridge, learningRate, steps, batchFraction, batchNorm, method,
                langevinTemperature, teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, c);
    }

    /** @return this problem with horizon {@code t} */
    public ErmProblem withSteps(int t) {
        return new ErmProblem(loss, alpha, ridge, learningRate, t, batchFraction, batchNorm, method,
                langevinTemperature, teacherSecondMoment, labelNoise, initialOverlap, initialSecondMoment, covariance);
    }

    /** @return {@code kappa_b}: 1 for {@link BatchNorm#SUM}, {@code 1/b} for {@link BatchNorm#MEAN} */
    public double kappa() {
        return batchNorm == BatchNorm.SUM ? 1 : 1 / batchFraction;
    }

    /** @return {@code rho_phi = sum_k w_k omega_k rho}, the second moment of a teacher pre-activation */
    public double teacherPreactivationMoment() {
        return covariance.meanEigenvalue() * teacherSecondMoment;
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
        }
    }
}
