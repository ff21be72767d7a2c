package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.spectrum.SpectrumSpec;

/** The parsers of --spectrum, --lr and --grid/--tmax/--points, and the spectra of sgd-ode.md §8. */
class ProblemSpecsTest {

    @TempDir
    Path tmp;

    @Test
    void identityAndTwoPointFollowSgdOdeSection8() {
        assertThat(SpectrumSpec.parse("identity").spectrum(3).coordinateEigenvalues()).containsExactly(1, 1, 1);
        var tp = SpectrumSpec.parse("two-point:1,0.25");
        assertThat(tp).isEqualTo(new SpectrumSpec.TwoPoint(1, 0.25));
        assertThat(tp.spectrum(6).coordinateEigenvalues()).containsExactly(1, 1, 1, 0.25, 0.25, 0.25);
    }

    @Test
    void powerLawEigenvaluesAreTheQuantilesOfTheDensity() {
        double beta = 0.2;
        int d = 4000;
        var l = SpectrumSpec.parse("power-law:0.2").spectrum(d).coordinateEigenvalues();
        assertThat(l[0]).isEqualTo(Math.pow(0.5 / d, 1 / 0.8));
        assertThat(l[d - 1]).isEqualTo(Math.pow((d - 0.5) / d, 1 / 0.8));
        // mean of the density (1-β)λ^{-β} on (0,1) is (1-β)/(2-β) = 0.4444 (sgd-ode.md N15); the midpoint rule
        // on the quantile function u^{1/(1-β)} errs by O(1/d²) (its second derivative is bounded): 1e-6 at d = 4000.
        assertThat(Arrays.stream(l).average().orElseThrow()).isCloseTo((1 - beta) / (2 - beta), within(1e-6));
    }

    @Test
    void hlFamilyHasMeanOneAndTheFig3ConditionNumber() {
        int d = 1000;
        var l = SpectrumSpec.parse("hl-family:4").spectrum(d).coordinateEigenvalues();
        // mean 1 up to rounding of d summands (d·ε relative)
        assertThat(Arrays.stream(l).sum() / d).isCloseTo(1.0, within(1e-12));
        // condition number λ_1/λ_d = d^{2/s}: 1000^{1/2} = 31.62 (a value of the [HL] Fig. 3 legend, sgd-ode.md §9.8)
        assertThat(l[0] / l[d - 1]).isCloseTo(Math.sqrt(1000), within(1e-9));
    }

    @Test
    void listAndFileGiveEigenvaluesWithEqualMultiplicity() throws Exception {
        var list = SpectrumSpec.parse("list:2,0.5");
        assertThat(list.defaultDimension(1024)).isEqualTo(2);
        assertThat(list.spectrum(6).coordinateEigenvalues()).containsExactly(2, 2, 2, 0.5, 0.5, 0.5);
        var f = Files.writeString(tmp.resolve("e.txt"), "# K eigenvalues\n3.0, 1.0\n  0.5 # smallest\n\n");
        var file = SpectrumSpec.parse("file:" + f);
        assertThat(file.spectrum(3).coordinateEigenvalues()).containsExactly(3, 1, 0.5);
        assertThat(file.defaultDimension(1024)).isEqualTo(3);
    }

    @Test
    void badSpectraAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> SpectrumSpec.parse("hl-family:2")).hasMessageContaining("> 2, got 2.0");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:1,-1")).hasMessageContaining("list eigenvalue #2")
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:0,0")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:1,,2")).hasMessageContaining("value #2");
        assertThatThrownBy(() -> SpectrumSpec.parse("identity:3")).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> SpectrumSpec.parse("wishart")).hasMessageContaining("unknown spectrum 'wishart'");
        assertThatThrownBy(() -> SpectrumSpec.parse("two-point:1,NaN")).hasMessageContaining("NaN");
        // the command line names the flag: OptdynCliTest, "--d must be >= 1"
        assertThatThrownBy(() -> new SpectrumSpec.Identity().spectrum(0)).hasMessageContaining("d must be >= 1");
    }

    @Test
    void learningRatesParse() {
        assertThat(LearningRateRule.parse("const:0.5")).isEqualTo(new LearningRateRule.Constant(0.5));
        assertThat(LearningRateRule.parse("adagrad-norm:1,0.3")).isEqualTo(new LearningRateRule.AdaGradNorm(1, 0.3));
        assertThat(LearningRateRule.parse("line-search")).isInstanceOf(LearningRateRule.ExactLineSearch.class);
        assertThat(LearningRateRule.parse("POLYAK")).isInstanceOf(LearningRateRule.Polyak.class);
        assertThatThrownBy(() -> LearningRateRule.parse("adagrad-norm:1,0")).hasMessageContaining("B must be");
        assertThatThrownBy(() -> LearningRateRule.parse("const")).hasMessageContaining("a number is missing");
        assertThatThrownBy(() -> LearningRateRule.parse("adam:1")).hasMessageContaining("unknown learning rate");
        assertThatThrownBy(() -> LearningRateRule.parse("polyak:2")).hasMessageContaining("takes no argument");
    }

    @Test
    void gridsParseOrAreLogSpacedFromZero() {
        assertThat(TimeGrid.parse("0, 0.5,2").times()).containsExactly(0, 0.5, 2);
        var t = ProblemOptions.outputTimes(null, 10.0, 5).times();
        assertThat(t[0]).isZero();
        assertThat(t[1]).isCloseTo(0.01, within(1e-15));
        assertThat(t[2]).isCloseTo(0.1, within(1e-15));
        assertThat(t[3]).isCloseTo(1, within(1e-14));
        assertThat(t[4]).isEqualTo(10);
        assertThat(ProblemOptions.outputTimes(null, 3.0, 2).times()).containsExactly(0, 3);
        assertThatThrownBy(() -> TimeGrid.parse("-1,2")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ProblemOptions.outputTimes(null, 0.0, 5)).hasMessageContaining("--tmax");
        assertThatThrownBy(() -> ProblemOptions.outputTimes(null, 1.0, 1)).hasMessageContaining("--points");
    }
}
