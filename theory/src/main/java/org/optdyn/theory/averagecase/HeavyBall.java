package org.optdyn.theory.averagecase;

import java.util.Arrays;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * Polyak's heavy ball {@code x_{t+1} = x_t - h g_t + m (x_t - x_{t-1})},
 * {@code P_{t+1} = (1 + m - h lambda) P_t - m P_{t-1}} (section 2.2), with either first-step convention
 * ({@link FirstStep#PLAIN}: {@code P_1 = 1 - h lambda}, the default; {@link FirstStep#PEDREGOSA_SCIEUR}:
 * {@code P_1 = 1 - h lambda/(1 + m)}, the convention of [PS20]/[SP20]).
 *
 * @param step      {@code h > 0}
 * @param momentum  {@code m in [0, 1)}
 * @param firstStep the first-step convention
 */
public record HeavyBall(double step, double momentum, FirstStep firstStep) implements PolynomialMethod {

    /** The two first-step conventions of section 2.2 (and section 10.2). */
    public enum FirstStep { PLAIN, PEDREGOSA_SCIEUR }

    public HeavyBall {
        PolynomialMethod.checkPositive("step", step);
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        }
        java.util.Objects.requireNonNull(firstStep, "firstStep");
    }

    /** @return Polyak's parameters {@code h = 4/(sqrt L + sqrt l)^2}, {@code m = ((sqrt L - sqrt l)/(sqrt L + sqrt l))^2}. */
    public static HeavyBall polyak(double lower, double upper, FirstStep firstStep) {
        PolynomialMethod.checkInterval(lower, upper);
        double sl = Math.sqrt(lower);
        double su = Math.sqrt(upper);
        double rho = (su - sl) / (su + sl);
        return new HeavyBall(4.0 / ((su + sl) * (su + sl)), rho * rho, firstStep);
    }

    @Override
    public String name() {
        return "HB" + (firstStep == FirstStep.PLAIN ? "" : "-PS") + " h=" + (float) step + " m=" + (float) momentum;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] m = new double[steps];
        Arrays.fill(h, step);
        Arrays.fill(m, momentum);
        if (steps > 0) {
            m[0] = 0.0;
            if (firstStep == FirstStep.PEDREGOSA_SCIEUR) {
                h[0] = step / (1.0 + momentum);
            }
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
