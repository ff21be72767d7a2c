package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

/** Asserts a value against a number as printed in sgd-ode.md §7: its last shown digit is rounded. */
final class Shown {

    private Shown() {
    }

    /**
     * |actual − shown| ≤ ½ unit in the last shown digit + 1e-3 of that unit (rounding of the printed value; the
     * ODE error at rtol ≤ 1e-10 is far below it).
     */
    static void matches(String label, double actual, String shown) {
        BigDecimal v = new BigDecimal(shown);
        double unit = Math.pow(10, -v.scale());
        assertThat(actual).as(label).isCloseTo(v.doubleValue(), within(0.501 * unit));
    }
}
