package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discrete spectra of sgd-ode.md §8: grouping, normalizations, coordinate order, parsing. */
class DiscreteSpectraTest {

    @Test
    void identityAndTwoPointAreGroupedWhateverTheDimension() {
        var id = Spectra.identity(1_000_000);
        assertThat(id.groupCount()).isEqualTo(1);
        assertThat(id.dimension()).isEqualTo(1_000_000);
        assertThat(id.meanEigenvalue()).isEqualTo(1);
        var tp = Spectra.twoPoint(1, 0.25, 1_000_000);
        assertThat(tp.groupCount()).isEqualTo(2);
        assertThat(tp.multiplicity(0)).isEqualTo(500_000);
        assertThat(tp.meanEigenvalue()).isEqualTo(0.625);
        assertThat(tp.secondMoment()).isEqualTo(0.53125);
        // Coordinate order (§8): the first d/2 coordinates carry λ₁.
        double[] c = Spectra.twoPoint(1, 0.25, 6).coordinateEigenvalues();
        assertThat(c).containsExactly(1, 1, 1, 0.25, 0.25, 0.25);
        assertThatThrownBy(() -> Spectra.twoPoint(1, 0.25, 5)).hasMessageContaining("even");
    }

    @Test
    void equalEigenvaluesMergeAndGroupSumsFollowTheCanonicalOrder() {
        var sp = DiscreteSpectrum.ofEigenvalues(2, 1, 2, 1, 3);
        assertThat(sp.groupCount()).isEqualTo(3);
        assertThat(sp.eigenvalues()).containsExactly(2, 1, 3);
        assertThat(sp.multiplicities()).containsExactly(2, 2, 1);
        assertThat(sp.meanEigenvalue()).isCloseTo(9.0 / 5, within(1e-15));
        assertThat(sp.coordinateEigenvalues()).containsExactly(2, 2, 1, 1, 3);
        assertThat(sp.groupSums(new double[]{1, 2, 3, 4, 5})).containsExactly(3, 7, 5);
        assertThat(sp.groupOf(3)).isEqualTo(2);
        assertThat(sp.offset(2)).isEqualTo(4);
        assertThatThrownBy(() -> DiscreteSpectrum.ofEigenvalues(1, -1)).hasMessageContaining("eigenvalues[1]");
    }

    @Test
    void powerLawQuantilesHaveTheExpectedMean() {
        // λ_i = ((i−½)/d)^{1/(1−β)}; β = 0.2: mean → (1−β)/(2−β) = 0.4444 (N15 quotes λ̄ = 0.4444 at d = 4000).
        var sp = Spectra.powerLaw(0.2, 4000);
        assertThat(sp.groupCount()).isEqualTo(4000);
        assertThat(sp.meanEigenvalue()).isCloseTo(0.4444, within(5e-5));
        assertThat(sp.eigenvalue(0)).isCloseTo(Math.pow(0.5 / 4000, 1.25), within(1e-18));
    }

    @Test
    void hlFamilyHasMeanOneAndTheFigureThreeConditionNumbers() {
        // §9 item 8: κ = 719.69, 100.00, 51.79, 31.62, 12.33 at d = 1000 (2 decimals shown).
        double[][] cases = {{2.1, 719.69}, {3, 100.00}, {3.5, 51.79}, {4, 31.62}, {5.5, 12.33}};
        for (double[] c : cases) {
            var sp = Spectra.hlFamily(c[0], 1000);
            assertThat(sp.meanEigenvalue()).isCloseTo(1, within(1e-13));
            assertThat(sp.maxEigenvalue() / sp.minEigenvalue()).isCloseTo(c[1], within(0.005 + 1e-9));
        }
    }

    @Test
    void parserCoversEveryCliForm(@TempDir Path dir) throws IOException {
        assertThat(Spectra.parse("identity", 8)).isEqualTo(Spectra.identity(8));
        assertThat(Spectra.parse("two-point:1,0.25", 8)).isEqualTo(Spectra.twoPoint(1, 0.25, 8));
        assertThat(Spectra.parse("power-law:0.2", 8)).isEqualTo(Spectra.powerLaw(0.2, 8));
        assertThat(Spectra.parse("hl-family:3", 8)).isEqualTo(Spectra.hlFamily(3, 8));
        assertThat(Spectra.parse("list:1,0.25", 8)).isEqualTo(Spectra.twoPoint(1, 0.25, 8));
        assertThat(Spectra.parse("list:2*3,1", 0).multiplicities()).containsExactly(3, 1);
        Path f = dir.resolve("ev.txt");
        Files.writeString(f, "# eigenvalues\n1.0 0.25\n");
        assertThat(Spectra.parse("file:" + f, 8)).isEqualTo(Spectra.twoPoint(1, 0.25, 8));
        assertThatThrownBy(() -> Spectra.parse("list:1,2,3", 8)).hasMessageContaining("multiple");
        assertThatThrownBy(() -> Spectra.parse("cauchy:1", 8)).hasMessageContaining("cauchy");
        assertThatThrownBy(() -> Spectra.parse("power-law:x", 8)).hasMessageContaining("malformed");
    }
}
