package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bandwidth baseline of the kernel benchmarks: a Java STREAM triad {@code a[i] = b[i] + s * c[i]} over double
 * arrays of the same sizes as {@link DoubleKernelsBench}, run in the same JMH session and JVM settings. STREAM
 * (McCalpin) counts 3 words per element (read b, c; write a) and so do we; the write-allocate read of {@code a} that
 * the hardware also performs is not counted, exactly as in STREAM, which is why in-place kernels (whose written
 * array was just read) can exceed 100 % of this "bound". C2 auto-vectorizes this loop (no reduction), so it
 * measures the memory system, not the arithmetic. The float twin is generated from this class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class DoubleTriadBench {

    /** Same sizes as the kernel benchmarks. */
    @Param({"1003", "10007", "100003", "10000019"})
    public int n;

    /** STREAM's scalar. */
    private static final double S = 3.0;

    private double[] a;
    private double[] b;
    private double[] c;

    /** Fills b and c with STREAM's initial values (1 and 2, so a = 7 everywhere) and checks one triad. */
    @Setup
    public void setUp() {
        a = new double[n];
        b = new double[n];
        c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
        triad();
        if (a[0] != 7.0 || a[n - 1] != 7.0) {
            throw new IllegalStateException("triad computed " + a[0] + ", expected 7");
        }
    }

    /** {@code a = b + s c}: reads b, c, writes a (3 words per element). */
    @Benchmark
    public void triad() {
        double[] a = this.a;
        double[] b = this.b;
        double[] c = this.c;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + S * c[i];
        }
    }
}
