package org.optdyn.verification.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void mapKeepsInputOrder() {
        var in = List.of(5, 3, 8, 1, 9, 2);
        assertThat(Parallel.map(in, 3, x -> x * x)).containsExactly(25, 9, 64, 1, 81, 4);
        assertThat(Parallel.mapIndices(4, 2, i -> 10 * i)).containsExactly(0, 10, 20, 30);
    }

    @Test
    void replicatesGetTheSequentiallySplitStreamsWhateverTheThreadCount() {
        // replicate i must see the i-th split of the root, so the result cannot depend on scheduling
        var expected = new double[6];
        SplittableGenerator ref = root();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ref.split().nextDouble();
        }
        for (int threads : new int[] {1, 4}) {
            List<Double> got = Parallel.replicates(root(), expected.length, threads, (i, rng) -> rng.nextDouble());
            for (int i = 0; i < expected.length; i++) {
                assertThat(got.get(i)).as("replicate %s, %s threads", i, threads).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void aFailingTaskIsReportedWithItsCause() {
        assertThatThrownBy(() -> Parallel.mapIndices(3, 2, i -> {
            if (i == 1) {
                throw new ArithmeticException("boom");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(ArithmeticException.class);
    }

    private static SplittableGenerator root() {
        return RandomGeneratorFactory.<SplittableGenerator>of("L64X256MixRandom").create(42);
    }
}
