package org.optdyn.engine.erm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The derivatives {@link ErmLoss} gives the Monte-Carlo DMFT (dmft.md §2.1) against central differences of
 * {@link ErmLoss#derivative}: with step {@code h = 1e-5} the truncation error is {@code h^2 |f'''|/6} for the
 * differenced function {@code f} (here {@code |f'''|} is at most a few units, so below 1e-9) and the rounding error
 * about {@code 1e-16/h = 1e-11}, so 1e-8 bounds the difference.
 */
class ErmLossTest {

    private static final double H = 1e-5;

    private static double dr(ErmLoss l, double r, double y) {
        return (l.derivative(r + H, y) - l.derivative(r - H, y)) / (2 * H);
    }

    private static double dy(ErmLoss l, double r, double y) {
        return (l.derivative(r, y + H) - l.derivative(r, y - H)) / (2 * H);
    }

    @Test
    void secondAndLabelDerivativesAreThoseOfTheFirstDerivative() {
        double[] rs = {-30, -3, -0.7, 0, 0.4, 2.5, 30};
        for (ErmLoss l : new ErmLoss[] {new ErmLoss.Square(), new ErmLoss.Logistic()}) {
            for (double y : new double[] {-1, 1, 0.3}) {
                for (double r : rs) {
                    assertThat(l.secondDerivative(r, y)).as("%s l''(%s; %s)", l, r, y)
                            .isCloseTo(dr(l, r, y), within(1e-8));
                    assertThat(l.labelDerivative(r, y)).as("%s d/dy l'(%s; %s)", l, r, y)
                            .isCloseTo(dy(l, r, y), within(1e-8));
                }
            }
        }
    }

    @Test
    void theLogisticCurvatureIsFiniteAndPositiveFarOutAndAQuarterAtZero() {
        var l = new ErmLoss.Logistic();
        assertThat(l.secondDerivative(0, 1)).isEqualTo(0.25);
        assertThat(l.secondDerivative(800, 1)).isEqualTo(0);
        assertThat(l.secondDerivative(-800, -1)).isEqualTo(0);
        assertThat(l.labelDerivative(800, 1)).isEqualTo(0);
        assertThat(l.labelDerivative(-800, 1)).isEqualTo(-1);
    }

    @Test
    void onlyTheSquareLossLabelIsDifferentiableInTheTeacherField() {
        assertThat(new ErmLoss.Square().labelDifferentiable()).isTrue();
        assertThat(new ErmLoss.Square().labelSlope(0.3, -1.2)).isEqualTo(1);
        assertThat(new ErmLoss.Logistic().labelDifferentiable()).isFalse();
        assertThatThrownBy(() -> new ErmLoss.Logistic().labelSlope(0.3, 0.1))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("sign");
    }
}
