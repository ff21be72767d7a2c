package org.optdyn.engine.model;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.rotation.ParameterLayout;

/**
 * A two-layer perceptron {@code f(x) = W2 tanh(W1 x + b1) + b2} with the mean squared loss
 * {@code L = (1/(2B)) sum_b |f(x_b) - y_b|^2} over a batch, and its exact gradient by backpropagation:
 * <pre>
 *   r_b = f(x_b) - y_b,   dW2 = (1/B) sum_b r_b h_b^T,   db2 = (1/B) sum_b r_b,
 *   delta_b = (W2^T r_b) (.) (1 - h_b^2),   dW1 = (1/B) sum_b delta_b x_b^T,   db1 = (1/B) sum_b delta_b
 * </pre>
 * Parameters live in one {@code double[]} laid out as {@link #layout()}: {@code W1} (hidden x inputs, row-major,
 * the (out, in) convention of adam-rotation.md §3), {@code b1}, {@code W2} (outputs x hidden), {@code b2}. Rows of
 * {@code W1} are dotted with samples on the SIMD kernels. An instance owns buffers for batches up to
 * {@code maxBatch}: one thread at a time; {@link #lossAndGradient} allocates nothing.
 */
public final class TwoLayerMlp {

    private static final DoubleKernels K = Kernels.doubles();

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final int maxBatch;
    private final ParameterLayout layout;
    private final double[] h;
    private final double[] r;
    private final double[] delta;

    /**
     * @param inputs   input dimension, {@code >= 1}
     * @param hidden   hidden width, {@code >= 1}
     * @param outputs  output dimension, {@code >= 1}
     * @param maxBatch largest batch {@link #lossAndGradient} accepts, {@code >= 1}
     */
    public TwoLayerMlp(int inputs, int hidden, int outputs, int maxBatch) {
        if (inputs < 1 || hidden < 1 || outputs < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("inputs, hidden, outputs and maxBatch must be >= 1, got " + inputs + ", "
                    + hidden + ", " + outputs + ", " + maxBatch);
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.maxBatch = maxBatch;
        this.layout = ParameterLayout.of(new ParameterLayout.Matrix("W1", hidden, inputs),
                new ParameterLayout.Vector("b1", hidden), new ParameterLayout.Matrix("W2", outputs, hidden),
                new ParameterLayout.Vector("b2", outputs));
        this.h = new double[Math.multiplyExact(maxBatch, hidden)];
        this.r = new double[Math.multiplyExact(maxBatch, outputs)];
        this.delta = new double[hidden];
    }

    /** @return the parameter layout: W1, b1, W2, b2 */
    public ParameterLayout layout() {
        return layout;
    }

    /** @return the number of parameters */
    public int dimension() {
        return layout.size();
    }

    /** @return the input dimension */
    public int inputs() {
        return inputs;
    }

    /** @return the output dimension */
    public int outputs() {
        return outputs;
    }

    /**
     * LeCun initialisation: weights {@code N(0, 1/fan_in)}, biases {@code N(0, biasSd^2)}.
     *
     * @param params written, length {@link #dimension()}
     */
    public void initialise(double[] params, double biasSd, RandomGenerator rng) {
        check(params, "params");
        Objects.requireNonNull(rng, "rng");
        int at = 0;
        for (int i = 0; i < hidden * inputs; i++) {
            params[at++] = rng.nextGaussian() / Math.sqrt(inputs);
        }
        for (int i = 0; i < hidden; i++) {
            params[at++] = biasSd * rng.nextGaussian();
        }
        for (int i = 0; i < outputs * hidden; i++) {
            params[at++] = rng.nextGaussian() / Math.sqrt(hidden);
        }
        for (int i = 0; i < outputs; i++) {
            params[at++] = biasSd * rng.nextGaussian();
        }
    }

    /**
     * Writes {@code f(x_b)} for a batch.
     *
     * @param x   {@code batch x inputs}, row-major
     * @param out {@code batch x outputs}, row-major, written
     */
    public void predict(double[] params, double[] x, int batch, double[] out) {
        forward(params, x, batch, out, null);
    }

    /**
     * @param params parameters (read)
     * @param x      {@code batch x inputs}, row-major
     * @param y      {@code batch x outputs} targets, row-major
     * @param batch  {@code 1 <= batch <= maxBatch}
     * @param grad   written: the gradient of the batch loss, length {@link #dimension()}
     * @return the batch loss {@code (1/(2B)) sum_b |f(x_b) - y_b|^2}
     */
    public double lossAndGradient(double[] params, double[] x, double[] y, int batch, double[] grad) {
        check(params, "params");
        check(grad, "grad");
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch must be in [1, " + maxBatch + "], got " + batch);
        }
        forward(params, x, batch, r, y);
        int w1 = 0;
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + outputs * hidden;
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        double inv = 1.0 / batch;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                double ro = r[b * outputs + o];
                loss += 0.5 * ro * ro * inv;
                grad[b2 + o] += ro * inv;
                K.axpyInPlace(ro * inv, h, b * hidden, grad, w2 + o * hidden, hidden);
            }
            for (int j = 0; j < hidden; j++) {
                double s = 0;
                for (int o = 0; o < outputs; o++) {
                    s += params[w2 + o * hidden + j] * r[b * outputs + o];
                }
                double hj = h[b * hidden + j];
                delta[j] = s * (1 - hj * hj) * inv;
            }
            for (int j = 0; j < hidden; j++) {
                grad[b1 + j] += delta[j];
                K.axpyInPlace(delta[j], x, b * inputs, grad, w1 + j * inputs, inputs);
            }
        }
        return loss;
    }

    /** Hidden activations into {@code h}; outputs (minus {@code y} when given) into {@code out}. */
    private void forward(double[] params, double[] x, int batch, double[] out, double[] y) {
        if (x.length < batch * inputs || out.length < batch * outputs || (y != null && y.length < batch * outputs)) {
            throw new IllegalArgumentException("a batch of " + batch + " needs x of " + batch * inputs
                    + " and outputs/targets of " + batch * outputs + " entries");
        }
        if (batch > maxBatch) {
            throw new IllegalArgumentException("batch must be <= " + maxBatch + ", got " + batch);
        }
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + outputs * hidden;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                h[b * hidden + j] = Math.tanh(K.dot(params, j * inputs, x, b * inputs, inputs) + params[b1 + j]);
            }
            for (int o = 0; o < outputs; o++) {
                double f = K.dot(params, w2 + o * hidden, h, b * hidden, hidden) + params[b2 + o];
                out[b * outputs + o] = y == null ? f : f - y[b * outputs + o];
            }
        }
    }

    private void check(double[] a, String name) {
        Objects.requireNonNull(a, name);
        if (a.length != layout.size()) {
            throw new IllegalArgumentException(name + " must have length " + layout.size() + ", got " + a.length);
        }
    }
}
