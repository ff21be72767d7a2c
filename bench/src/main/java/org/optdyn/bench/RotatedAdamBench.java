package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.rotation.Orthogonality;
import org.optdyn.engine.rotation.RotatedBasis;
import org.optdyn.engine.rotation.Rotation;

/**
 * Costs of adam-rotation.md §3–§4 in the paper's reference mode, each against a baseline measured in the same run:
 * (a) one Adam step in the basis of the paper's block rotation ({@link Rotation#haarBlocks}, one shared Haar block
 * {@code n = 768}, a random permutation) over {@code D = 10^6} parameters ({@link RotatedBasis}: three applications
 * of {@code R}, {@code O(n D)} each) against one plain Adam step ({@code O(D)}); (b) the orthogonality indicator
 * ({@link Orthogonality#of}: the singular values of a {@code 768 x 768} update by one-sided Jacobi,
 * {@code O(n^3)} per sweep) against one dense {@code 768 x 768} matrix–vector product ({@code O(n^2)}). Times in ms
 * per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class RotatedAdamBench {

    static final int D = 1_000_000;
    static final int N = 768;

    private RotatedBasis rotatedAdam;
    private Adam plainAdam;
    private double[] paramsRotated;
    private double[] paramsPlain;
    private double[] grad;
    private double[] update;
    private double[] vec;
    private double[] out;

    @Setup
    public void setup() {
        var rng = RandomGeneratorFactory.of("L64X256MixRandom").create(13);
        rotatedAdam = new RotatedBasis(Rotation.haarBlocks(D, N, rng), Adam.withDefaults(D));
        plainAdam = Adam.withDefaults(D);
        paramsRotated = new double[D];
        paramsPlain = new double[D];
        grad = new double[D];
        for (int i = 0; i < D; i++) {
            grad[i] = rng.nextGaussian();
        }
        update = new double[N * N];
        for (int i = 0; i < update.length; i++) {
            update[i] = rng.nextGaussian();
        }
        vec = new double[N];
        out = new double[N];
        for (int i = 0; i < N; i++) {
            vec[i] = rng.nextGaussian();
        }
    }

    /** (a) One Adam step in the block-rotated basis, D = 10^6, n = 768. */
    @Benchmark
    public double adamStepBlockRotated() {
        rotatedAdam.step(paramsRotated, grad, 1e-6);
        return paramsRotated[D - 1];
    }

    /** (a) baseline: one plain Adam step, D = 10^6. */
    @Benchmark
    public double adamStepPlain() {
        plainAdam.step(paramsPlain, grad, 1e-6);
        return paramsPlain[D - 1];
    }

    /** (b) The orthogonality indicator CV of a 768 x 768 update (all singular values). */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double orthogonality768() {
        return Orthogonality.of(update, N, N).cv();
    }

    /** (b) baseline: one dense 768 x 768 matrix–vector product by row dot products. */
    @Benchmark
    public double matVec768() {
        var k = Kernels.doubles();
        for (int r = 0; r < N; r++) {
            out[r] = k.dot(update, r * N, vec, 0, N);
        }
        return out[N - 1];
    }
}
