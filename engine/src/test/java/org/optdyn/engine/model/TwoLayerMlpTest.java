package org.optdyn.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.random.RandomStreams;

class TwoLayerMlpTest {

    /**
     * The backpropagated gradient equals central differences of the loss: the O(h^2) truncation at h = 1e-5 with O(1)
     * third derivatives is ~1e-10, rounding ~eps L / h ~ 1e-11, so 1e-8 absolute has a wide margin.
     */
    @Test
    void theGradientIsTheDerivativeOfTheBatchLoss() {
        RandomGenerator g = new RandomStreams(1).general(0);
        var mlp = new TwoLayerMlp(5, 7, 3, 4);
        double[] p = new double[mlp.dimension()];
        mlp.initialise(p, 0.3, g);
        double[] x = new double[4 * 5];
        double[] y = new double[4 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = g.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = g.nextGaussian();
        }
        double[] grad = new double[p.length];
        mlp.lossAndGradient(p, x, y, 4, grad);
        double[] scratch = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + 1e-5;
            double up = mlp.lossAndGradient(p, x, y, 4, scratch);
            p[i] = keep - 1e-5;
            double down = mlp.lossAndGradient(p, x, y, 4, scratch);
            p[i] = keep;
            assertThat(grad[i]).as("parameter %d", i).isCloseTo((up - down) / 2e-5,
                    org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @Test
    void theLayoutIsW1B1W2B2AndBadSizesAreNamed() {
        var mlp = new TwoLayerMlp(5, 7, 3, 4);
        assertThat(mlp.dimension()).isEqualTo(35 + 7 + 21 + 3);
        assertThat(mlp.layout().tensors()).extracting(t -> t.name()).containsExactly("W1", "b1", "W2", "b2");
        assertThatThrownBy(() -> mlp.lossAndGradient(new double[66], new double[25], new double[15], 5, new double[66]))
                .hasMessageContaining("batch must be in [1, 4]");
        assertThatThrownBy(() -> new TwoLayerMlp(0, 1, 1, 1)).hasMessageContaining("inputs");
    }
}
