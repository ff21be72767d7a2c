package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.theory.dmft.MonteCarloDmft;

/**
 * One sweep of the Monte-Carlo DMFT (dmft.md §4, {@link MonteCarloDmft}) with {@code M = 10^5} paths and
 * {@code T = 30} steps on the logistic problem of dmft.md D8 (Stein form of the teacher drift) and on the square-loss
 * base case (direct drift): the cost target of issue 11 step (d) is a few seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class MonteCarloDmftBench {

    private final ErmProblem logistic = ErmProblem.square(2, 0.05, 0.5, 30).withTeacher(1, 0.3)
            .withBatch(0.5, ErmProblem.BatchNorm.SUM).withLoss(new ErmLoss.Logistic());
    private final ErmProblem square = ErmProblem.square(2, 0.1, 0.2, 30).withTeacher(1, 0.5)
            .withBatch(0.3, ErmProblem.BatchNorm.SUM);

    @Benchmark
    public Object logisticSweep() {
        return MonteCarloDmft.solve(logistic, 100_000, 1).orElseThrow();
    }

    @Benchmark
    public Object squareSweep() {
        return MonteCarloDmft.solve(square, 100_000, 1).orElseThrow();
    }
}
