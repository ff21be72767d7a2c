package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;

/** Discrete spectra of sgd-ode.md §8: grouping, normalizations, coordinate order, parsing. */
class DiscreteSpectraTest {

    @Test
    void identityAndTwoPointAreGroupedWhateverTheDimension() {
        var id = Spectra.identity(1_000_000);
        assertThat(id.groupCount()).isEqualTo(1);
        assertThat(id.dimension()).isEqualTo(1_000_000);
        assertThat(id.meanEigenvalue()).isEqualTo(1);
        var tp = Spectra.twoPoint(1_000_000, 1, 0.25);
        assertThat(tp.groupCount()).isEqualTo(2);
        assertThat(tp.multiplicity(0)).isEqualTo(500_000);
        assertThat(tp.meanEigenvalue()).isEqualTo(0.625);
        assertThat(tp.secondMoment()).isEqualTo(0.53125);
        // Coordinate order (§8): the first d/2 coordinates carry λ₁.
        double[] c = Spectra.twoPoint(6, 1, 0.25).coordinateEigenvalues();
        assertThat(c).containsExactly(1, 1, 1, 0.25, 0.25, 0.25);
        assertThatThrownBy(() -> Spectra.twoPoint(5, 1, 0.25)).hasMessageContaining("even");
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
        var sp = Spectra.powerLaw(4000, 0.2);
        assertThat(sp.groupCount()).isEqualTo(4000);
        assertThat(sp.meanEigenvalue()).isCloseTo(0.4444, within(5e-5));
        assertThat(sp.eigenvalue(0)).isCloseTo(Math.pow(0.5 / 4000, 1.25), within(1e-18));
    }

    @Test
    void hlFamilyHasMeanOneAndTheFigureThreeConditionNumbers() {
        // §9 item 8: κ = 719.69, 100.00, 51.79, 31.62, 12.33 at d = 1000 (2 decimals shown).
        double[][] cases = {{2.1, 719.69}, {3, 100.00}, {3.5, 51.79}, {4, 31.62}, {5.5, 12.33}};
        for (double[] c : cases) {
            var sp = Spectra.highLineFamily(1000, c[0]);
            assertThat(sp.meanEigenvalue()).isCloseTo(1, within(1e-13));
            assertThat(sp.maxEigenvalue() / sp.minEigenvalue()).isCloseTo(c[1], within(0.005 + 1e-9));
        }
    }

    @Test
    void marchenkoPasturQuantilesHaveTheLawsMomentsAndEdges() {
        // MP(r, 1): mean 1, second moment 1 + r. Midpoint quantiles approximate the moments with error O(d^{-3/2})
        // (square-root edges); at d = 2000 that is < 1e-3.
        var sp = new MarchenkoPastur(0.25, 1).quantileSpectrum(2000);
        assertThat(sp.groupCount()).isEqualTo(2000);
        assertThat(sp.meanEigenvalue()).isCloseTo(1, within(1e-3));
        assertThat(sp.secondMoment()).isCloseTo(1.25, within(1e-3));
        assertThat(sp.minEigenvalue()).isGreaterThan(0.25).isLessThan(0.26);
        assertThat(sp.maxEigenvalue()).isLessThan(2.25).isGreaterThan(2.24);
        // r = 2: atom 1/2 at zero, grouped into one group of d/2 zero eigenvalues.
        var atom = new MarchenkoPastur(2, 1).quantileSpectrum(1000);
        assertThat(atom.eigenvalue(0)).isZero();
        assertThat(atom.multiplicity(0)).isEqualTo(500);
        assertThat(SpectrumSpec.parse("marchenko-pastur:0.25").spectrum(2000)).isEqualTo(sp);
        assertThat(SpectrumSpec.parse("mp:2,1").spectrum(1000)).isEqualTo(atom);
    }

    @Test
    void parserCoversEveryCliForm(@TempDir Path dir) throws IOException {
        assertThat(SpectrumSpec.parse("identity").spectrum(8)).isEqualTo(Spectra.identity(8));
        assertThat(SpectrumSpec.parse("two-point:1,0.25").spectrum(8)).isEqualTo(Spectra.twoPoint(8, 1, 0.25));
        assertThat(SpectrumSpec.parse("power-law:0.2").spectrum(8)).isEqualTo(Spectra.powerLaw(8, 0.2));
        assertThat(SpectrumSpec.parse("hl-family:3").spectrum(8)).isEqualTo(Spectra.highLineFamily(8, 3));
        assertThat(SpectrumSpec.parse("list:1,0.25").spectrum(8)).isEqualTo(Spectra.twoPoint(8, 1, 0.25));
        var counted = SpectrumSpec.parse("list:2*3,1");
        assertThat(counted.spectrum(counted.defaultDimension(0)).multiplicities()).containsExactly(3, 1);
        Path f = dir.resolve("ev.txt");
        Files.writeString(f, "# eigenvalues\n1.0 0.25\n");
        assertThat(SpectrumSpec.parse("file:" + f).spectrum(8)).isEqualTo(Spectra.twoPoint(8, 1, 0.25));
        assertThatThrownBy(() -> SpectrumSpec.parse("list:1,2,3").spectrum(8)).hasMessageContaining("multiple");
        assertThatThrownBy(() -> SpectrumSpec.parse("cauchy:1").spectrum(8)).hasMessageContaining("cauchy");
        assertThatThrownBy(() -> SpectrumSpec.parse("power-law:x").spectrum(8)).hasMessageContaining("malformed");
    }

    @Test
    void theSyntaxAcceptsEveryFormerCliAndLibraryForm(@TempDir Path dir) throws IOException {
        var tp = Spectra.twoPoint(8, 1, 0.25);
        // blanks or commas between values, V*N copies, case-insensitive kinds, surrounding blanks
        assertThat(SpectrumSpec.parse("list:1 0.25").spectrum(8)).isEqualTo(tp);
        assertThat(SpectrumSpec.parse(" LIST: 1*2, 0.25*2 ").spectrum(8)).isEqualTo(tp);
        assertThat(SpectrumSpec.parse("Two-Point:1, 0.25")).isEqualTo(new SpectrumSpec.TwoPoint(1, 0.25));
        assertThat(SpectrumSpec.parse("mp:0.5")).isEqualTo(new SpectrumSpec.MarchenkoPasturQuantiles(0.5, 1));
        assertThat(SpectrumSpec.parse("list:2*3,1").defaultDimension(1024)).isEqualTo(4);
        assertThat(SpectrumSpec.parse("power-law:0.3").defaultDimension(1024)).isEqualTo(1024);
        Path f = dir.resolve("counted.txt");
        Files.writeString(f, "1*3, 0.25 # three ones\n0.25*2,, 0.25*2\n");
        var file = SpectrumSpec.parse("file:" + f);
        assertThat(file.defaultDimension(0)).isEqualTo(8);
        assertThat(file.spectrum(16).multiplicities()).containsExactly(6, 10);
        // errors name the bad value
        assertThatThrownBy(() -> SpectrumSpec.parse("mp:0")).hasMessageContaining("R must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> SpectrumSpec.parse("mp:1,2,3")).hasMessageContaining("R[,S2], got '1,2,3'");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:2*x")).hasMessageContaining("'2*x' is not an integer");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:2*0")).hasMessageContaining("count must be >= 1, got 0");
        assertThatThrownBy(() -> SpectrumSpec.parse("list:1,")).hasMessageContaining("value #2: a number is missing");
        assertThatThrownBy(() -> SpectrumSpec.parse("file:")).hasMessageContaining("needs a path");
        assertThatThrownBy(() -> SpectrumSpec.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
