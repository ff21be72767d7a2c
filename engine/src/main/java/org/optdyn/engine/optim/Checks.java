package org.optdyn.engine.optim;

/**
 * Argument validation shared by the optimizers: every failure is an {@link IllegalArgumentException} that names the
 * argument and its value. Package-private; the public boundary is each optimizer's constructor and step method.
 */
final class Checks {

    private Checks() {
    }

    /** @return {@code value} if it is finite and {@code >= 0}. */
    static double finiteNonNegative(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and >= 0");
        }
        return value;
    }

    /** @return {@code value} if it is finite and {@code > 0}. */
    static double finitePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and > 0");
        }
        return value;
    }

    /** @return {@code value} if it lies in {@code [0, 1)} (a decay or momentum coefficient). */
    static double unitInterval(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " = " + value + ": must lie in [0, 1)");
        }
        return value;
    }

    /** Checks a step's learning rate: finite and {@code >= 0}. */
    static void learningRate(double learningRate) {
        if (!(learningRate >= 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + ": must be finite and >= 0");
        }
    }

    /** @return {@code dimension} if it is {@code >= 1}. */
    static int dimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension = " + dimension + ": must be >= 1");
        }
        return dimension;
    }

    /** Checks that an array argument has the optimizer's dimension. */
    static void length(String name, int length, int dimension) {
        if (length != dimension) {
            throw new IllegalArgumentException("length mismatch: " + name + ".length = " + length
                    + " but the optimizer's dimension = " + dimension);
        }
    }

    /** Checks a (params, grad) pair of a gradient step: lengths and no aliasing. */
    static void pair(double[] params, double[] grad, int dimension) {
        length("params", params.length, dimension);
        length("grad", grad.length, dimension);
        if (params == grad) {
            throw new IllegalArgumentException("params and grad are the same array: they must not alias");
        }
    }

    /** Checks a (params, grad) pair of a gradient step: lengths and no aliasing. */
    static void pair(float[] params, float[] grad, int dimension) {
        length("params", params.length, dimension);
        length("grad", grad.length, dimension);
        if (params == grad) {
            throw new IllegalArgumentException("params and grad are the same array: they must not alias");
        }
    }
}
