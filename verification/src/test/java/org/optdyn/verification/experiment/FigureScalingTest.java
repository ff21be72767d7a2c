package org.optdyn.verification.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureScalingTest {

    @Test
    void predictedLineGoesThroughPointsThatFollowThePredictedSlope() {
        double[] d = {256, 1024, 4096};
        double[] gap = {3 / Math.sqrt(256), 3 / Math.sqrt(1024), 3 / Math.sqrt(4096)};
        var f = Figure.scaling("gap", "gap vs d", "d", "gap", -0.5, "d^-1/2",
                List.of(new Series("identity", Series.Kind.SIMULATION_MARKERS, d, gap)));
        assertThat(f.logX()).isTrue();
        assertThat(f.logY()).isTrue();
        assertThat(f.series()).hasSize(2);
        var line = f.series().get(1);
        assertThat(line.kind()).isEqualTo(Series.Kind.THEORY_LINE);
        assertThat(line.name()).isEqualTo("d^-1/2 through identity");
        for (int i = 0; i < d.length; i++) {
            assertThat(line.y()[i]).isCloseTo(gap[i], within(1e-15));
        }
    }

    @Test
    void pointsOffThePredictedSlopeStayVisiblyOffTheLine() {
        double[] d = {256, 4096};
        double[] flat = {0.1, 0.1};  // no concentration at all
        var line = Figure.scaling("gap", "gap vs d", "d", "gap", -0.5, "d^-1/2",
                List.of(new Series("flat", Series.Kind.SIMULATION_MARKERS, d, flat))).series().get(1).y();
        // the slope is imposed: the line falls by a factor 4 over a factor 16 in d
        assertThat(line[0] / line[1]).isCloseTo(4.0, within(1e-12));
    }
}
