package org.optdyn.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optdyn.engine.kernel.GaussianKernels;

/**
 * Distribution of the SIMD normal generator. Every statistical bound below has its false-failure probability
 * written next to it; seeds are fixed, so the suite is deterministic.
 */
class GaussianStreamTest {

    static final int N = 1 << 22;

    private static double[] sample(long seed, int n) {
        double[] z = new double[n];
        GaussianStream.of(seed).fill(z);
        return z;
    }

    @Test
    void momentsOneToFourMatchTheStandardNormal() {
        double[] z = sample(42, N);
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        for (double x : z) {
            double x2 = x * x;
            m1 += x;
            m2 += x2;
            m3 += x2 * x;
            m4 += x2 * x2;
        }
        m1 /= N; m2 /= N; m3 /= N; m4 /= N;
        // CLT: each sample moment is N(mu, Var/N) with Var(z)=1, Var(z^2)=2, Var(z^3)=15, Var(z^4)=96.
        // 5 standard errors: two-sided false-failure probability 5.7e-7 each.
        assertThat(Math.abs(m1)).isLessThanOrEqualTo(5 * Math.sqrt(1.0 / N));
        assertThat(Math.abs(m2 - 1)).isLessThanOrEqualTo(5 * Math.sqrt(2.0 / N));
        assertThat(Math.abs(m3)).isLessThanOrEqualTo(5 * Math.sqrt(15.0 / N));
        assertThat(Math.abs(m4 - 3)).isLessThanOrEqualTo(5 * Math.sqrt(96.0 / N));
    }

    @Test
    void tailFrequenciesBeyondThreeFourAndFiveSigmaMatchTheNormal() {
        double[] z = sample(43, N);
        long c3 = 0, c4 = 0, c5 = 0;
        for (double x : z) {
            double a = Math.abs(x);
            if (a > 3) c3++;
            if (a > 4) c4++;
            if (a > 5) c5++;
        }
        double p3 = 2 * NormalCdf.upperTail(3), p4 = 2 * NormalCdf.upperTail(4), p5 = 2 * NormalCdf.upperTail(5);
        // binomial counts, 5 standard deviations (normal approximation; expected counts 11324 and 266)
        assertThat(Math.abs(c3 - N * p3)).isLessThanOrEqualTo(5 * Math.sqrt(N * p3 * (1 - p3)));
        assertThat(Math.abs(c4 - N * p4)).isLessThanOrEqualTo(5 * Math.sqrt(N * p4 * (1 - p4)));
        // expected 2.4 beyond 5 sigma: P(Poisson(2.4) >= 16) < 1e-8, and a generator without tails would give 0
        // too rarely to test; we assert the upper bound only
        assertThat(c5).isLessThanOrEqualTo(15);
    }

    @Test
    void kolmogorovSmirnovDistanceIsBelowTheOneInAMillionCriticalValue() {
        int n = 1 << 20;
        double[] z = sample(44, n);
        Arrays.sort(z);
        double dMax = 0;
        for (int i = 0; i < n; i++) {
            double f = NormalCdf.cdf(z[i]);
            dMax = Math.max(dMax, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        // Kolmogorov: P(sqrt(n) D > x) <= 2 exp(-2 x^2) (Dvoretzky-Kiefer-Wolfowitz-Massart); false-failure
        // probability 1e-6 at x = sqrt(ln(2e6)/2) = 2.6935.
        double critical = Math.sqrt(Math.log(2e6) / 2) / Math.sqrt(n);
        assertThat(dMax).isLessThanOrEqualTo(critical);
    }

    @Test
    void neighboursAndBoxMullerPartnersAreUncorrelated() {
        double[] z = sample(45, N);
        for (int lag : new int[] {1, GaussianKernels.STREAMS, GaussianKernels.BLOCK}) {
            double c = 0;
            int m = N - lag;
            for (int i = 0; i < m; i++) {
                c += z[i] * z[i + lag];
            }
            c /= m;
            // products of independent N(0,1) have variance 1 (and are 1-dependent at these lags: variance of the
            // mean <= 3/m); 5 standard errors: false-failure probability < 1e-6
            assertThat(Math.abs(c)).as("lag %d", lag).isLessThanOrEqualTo(5 * Math.sqrt(3.0 / m));
        }
    }

    /**
     * Chunkings of a request sequence: the corner ones (none, empty requests, one request, requests of 1) and 30 drawn
     * from a fixed seed, up to 8 requests of 0..69 numbers each (so requests straddle the generator's internal buffer),
     * each with its own stream seed in 0..1000.
     */
    static List<Arguments> chunkings() {
        var cases = new ArrayList<Arguments>();
        cases.add(chunking(new int[0], 0));
        cases.add(chunking(new int[] {0, 0, 0}, 1));
        cases.add(chunking(new int[] {69}, 2));
        cases.add(chunking(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, 3));
        var random = new SplittableRandom(20261206L);
        for (int k = 0; k < 30; k++) {
            int[] chunks = new int[random.nextInt(9)];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = random.nextInt(70);
            }
            cases.add(chunking(chunks, random.nextInt(1001)));
        }
        return cases;
    }

    private static Arguments chunking(int[] chunks, int seed) {
        return Arguments.of(Named.of("chunks=" + Arrays.toString(chunks), chunks), Named.of("seed=" + seed, seed));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("chunkings")
    void sequenceDoesNotDependOnHowRequestsAreChunked(int[] chunks, int seed) {
        int total = 0;
        for (int c : chunks) {
            total += c;
        }
        double[] whole = sample(seed, total + 5);
        var s = GaussianStream.of(seed);
        double[] pieces = new double[total + 5];
        int off = 0;
        for (int c : chunks) {
            s.fill(pieces, off, c);
            off += c;
        }
        for (int i = 0; i < 5; i++) {
            pieces[off++] = s.nextGaussian();
        }
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void fillScaledEqualsScaleTimesTheSameSequence() {
        double[] scale = new double[53];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = 0.5 + i;
        }
        var a = GaussianStream.of(9);
        var b = GaussianStream.of(9);
        a.nextGaussian();
        b.nextGaussian();           // misalign the buffer on purpose
        double[] out = new double[53];
        a.fillScaled(scale, out, 53);
        for (int i = 0; i < 53; i++) {
            assertThat(out[i]).isEqualTo(b.nextGaussian() * scale[i]);
        }
    }

    @Test
    void streamsAreRandomAccessAndDistinct() {
        var s = new RandomStreams(123);
        double x5 = s.gaussian(5).nextGaussian();
        double x0 = s.gaussian(0).nextGaussian();
        assertThat(new RandomStreams(123).gaussian(5).nextGaussian()).isEqualTo(x5);
        assertThat(x5).isNotEqualTo(x0);
        assertThat(s.general(5).nextLong()).isEqualTo(new RandomStreams(123).general(5).nextLong());
        assertThat(new RandomStreams(124).gaussian(5).nextGaussian()).isNotEqualTo(x5);
    }

    @Test
    void badRangesAreRejected() {
        var s = GaussianStream.of(1);
        assertThatThrownBy(() -> s.fill(new double[4], 3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out: range [3, 3 + 2)");
        double[] a = new double[4];
        assertThatThrownBy(() -> s.fillScaled(a, a, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alias");
    }
}
