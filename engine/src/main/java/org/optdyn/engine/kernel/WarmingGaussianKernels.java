package org.optdyn.engine.kernel;

/**
 * Hides the Vector API kernel's warm-up. Until C2 has compiled it, Vector API code runs interpreted or in C1,
 * where every vector operation allocates: measured at 0.7–5 microseconds per normal for the first one to three
 * seconds of a process, several thousand times the compiled cost. Because the scalar twin is bitwise identical, this
 * wrapper serves every request with the scalar twin (about 6 ns per normal) while it "trains" the vector kernel on a
 * private scratch block of 64 normals per request; once eight consecutive training calls run at compiled speed
 * (below {@value #COMPILED_NS_PER_NORMAL} ns per normal) it switches to the vector kernel for good. Outputs never
 * depend on which path served them.
 */
final class WarmingGaussianKernels implements GaussianKernels {

    /** A compiled AVX2 kernel needs about 1.3 ns per normal; C1 or the interpreter need 50 ns or more. */
    static final double COMPILED_NS_PER_NORMAL = 4.0;
    private static final int TRAINING_BLOCKS = 4;
    private static final int CONSECUTIVE = 8;

    private final GaussianKernels vector;
    private volatile boolean warm;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread training buffers and the count of consecutive fast calls. */
    private static final class Scratch {
        final long[] state = new long[STATE_LENGTH];
        final double[] out = new double[TRAINING_BLOCKS * BLOCK];
        int fast;

        Scratch() {
            for (int i = 0; i < state.length; i++) {
                state[i] = 0x9E3779B97F4A7C15L * (i + 1);
            }
        }
    }

    WarmingGaussianKernels(GaussianKernels vector) {
        this.vector = vector;
    }

    /** @return the wrapped vector kernel. */
    GaussianKernels vector() {
        return vector;
    }

    /** @return whether requests are now served by the vector kernel. */
    boolean warm() {
        return warm;
    }

    @Override
    public void fillGaussians(long[] state, double[] out, int off, int blocks) {
        if (warm) {
            vector.fillGaussians(state, out, off, blocks);
        } else {
            ScalarGaussianKernels.INSTANCE.fillGaussians(state, out, off, blocks);
            train();
        }
    }

    @Override
    public void fillScaledGaussians(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks) {
        if (warm) {
            vector.fillScaledGaussians(state, scale, scaleOff, out, off, blocks);
        } else {
            ScalarGaussianKernels.INSTANCE.fillScaledGaussians(state, scale, scaleOff, out, off, blocks);
            train();
        }
    }

    private void train() {
        Scratch s = scratch.get();
        long t0 = System.nanoTime();
        vector.fillGaussians(s.state, s.out, 0, TRAINING_BLOCKS);
        long dt = System.nanoTime() - t0;
        if (dt < COMPILED_NS_PER_NORMAL * TRAINING_BLOCKS * BLOCK) {
            if (++s.fast >= CONSECUTIVE) {
                warm = true;
            }
        } else {
            s.fast = 0;
        }
    }
}
