package org.optdyn.engine.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link DoubleKernels}, species from {@link VectorShapes#DOUBLE_SPECIES}.
 *
 * <p>Every kernel has the same anatomy (style.md rule 3): broadcast the scalar parameters once; for reductions, an
 * unrolled body over {@link VectorShapes#UNROLL} independent accumulators up to a multiple of
 * {@code UNROLL * lanes}; a one-vector loop up to {@code species.loopBound(n)}; and a scalar tail that calls the
 * lane helper of {@link ScalarDoubleKernels}. Nothing is allocated: the vectors are locals that C2 keeps in
 * registers (escape analysis), and the species is a {@code static final} constant.
 *
 * <p>Elementwise kernels use lane-wise {@code FMA} exactly where the scalar twin calls {@code Math.fma} and plain
 * lane-wise mul/add/div/sqrt/max elsewhere, in the same order, so their results are bitwise identical to the scalar
 * twin. Reductions sum in a different order (per-lane partial sums, then a lane reduction), so they agree with the
 * twin only within the bound stated in {@link DoubleKernels}; their result is reproducible for a given vector shape.
 */
final class VectorDoubleKernels implements DoubleKernels {

    /** The single instance (stateless). */
    static final VectorDoubleKernels INSTANCE = new VectorDoubleKernels();

    private VectorDoubleKernels() {
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        assert n >= 0 && xOff >= 0 && yOff >= 0 && xOff + n <= x.length && yOff + n <= y.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        int step = VectorShapes.UNROLL * lanes;
        int i = 0;
        // 4 accumulators: hide the FMA latency (4 cycles) behind independent dependency chains.
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = DoubleVector.zero(sp);
        DoubleVector acc2 = DoubleVector.zero(sp);
        DoubleVector acc3 = DoubleVector.zero(sp);
        for (int upper = n - n % step; i < upper; i += step) {
            acc0 = DoubleVector.fromArray(sp, x, xOff + i).fma(DoubleVector.fromArray(sp, y, yOff + i), acc0);
            acc1 = DoubleVector.fromArray(sp, x, xOff + i + lanes)
                    .fma(DoubleVector.fromArray(sp, y, yOff + i + lanes), acc1);
            acc2 = DoubleVector.fromArray(sp, x, xOff + i + 2 * lanes)
                    .fma(DoubleVector.fromArray(sp, y, yOff + i + 2 * lanes), acc2);
            acc3 = DoubleVector.fromArray(sp, x, xOff + i + 3 * lanes)
                    .fma(DoubleVector.fromArray(sp, y, yOff + i + 3 * lanes), acc3);
        }
        // One-vector cleanup: at most UNROLL - 1 iterations.
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            acc0 = DoubleVector.fromArray(sp, x, xOff + i).fma(DoubleVector.fromArray(sp, y, yOff + i), acc0);
        }
        // Pairwise combination keeps the combining error at two roundings per lane before the lane reduction.
        double s = sumLanesInOrder(acc0.add(acc1).add(acc2.add(acc3)));
        // Scalar tail (fewer than `lanes` elements): the twin's lane operation, continuing the same sum.
        for (; i < n; i++) {
            s = ScalarDoubleKernels.dotLane(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public double sumOfSquares(double[] x, int off, int n) {
        assert n >= 0 && off >= 0 && off + n <= x.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        int step = VectorShapes.UNROLL * lanes;
        int i = 0;
        // 4 accumulators: one load per FMA here, so the FMA latency, not the loads, is what they hide.
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = DoubleVector.zero(sp);
        DoubleVector acc2 = DoubleVector.zero(sp);
        DoubleVector acc3 = DoubleVector.zero(sp);
        for (int upper = n - n % step; i < upper; i += step) {
            DoubleVector x0 = DoubleVector.fromArray(sp, x, off + i);
            DoubleVector x1 = DoubleVector.fromArray(sp, x, off + i + lanes);
            DoubleVector x2 = DoubleVector.fromArray(sp, x, off + i + 2 * lanes);
            DoubleVector x3 = DoubleVector.fromArray(sp, x, off + i + 3 * lanes);
            acc0 = x0.fma(x0, acc0);
            acc1 = x1.fma(x1, acc1);
            acc2 = x2.fma(x2, acc2);
            acc3 = x3.fma(x3, acc3);
        }
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector x0 = DoubleVector.fromArray(sp, x, off + i);
            acc0 = x0.fma(x0, acc0);
        }
        double s = sumLanesInOrder(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s = ScalarDoubleKernels.dotLane(x[off + i], x[off + i], s);
        }
        return s;
    }

    @Override
    public void axpyInPlace(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        // The scalar twin's loop, on purpose: C2 auto-vectorizes it (with a runtime check that x and y do not
        // overlap), and that beat every Vector API form tried, which must keep each load after the previous store
        // because it cannot rule the overlap out: at n = 1003, 106 ns against 152 ns (one vector per iteration)
        // and 146 ns (4x unrolled, loads first); at n = 10007, 1501 ns against 1701 and 1536 ns (JMH, 3 forks,
        // bench {@literal DoubleKernelsBench.axpy on double arrays}). Hand-written SIMD has to earn its place by
        // measurement (platform.md).
        ScalarDoubleKernels.INSTANCE.axpyInPlace(a, x, xOff, y, yOff, n);
    }

    @Override
    public void scaleInPlace(double a, double[] x, int off, int n) {
        assert n >= 0 && off >= 0 && off + n <= x.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        DoubleVector va = DoubleVector.broadcast(sp, a);
        int i = 0;
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            va.mul(DoubleVector.fromArray(sp, x, off + i)).intoArray(x, off + i);
        }
        for (; i < n; i++) {
            ScalarDoubleKernels.scaleLane(a, x, off + i);
        }
    }

    @Override
    public void xpayInto(double[] x, int xOff, double a, double[] y, int yOff, double[] out, int outOff, int n) {
        assert n >= 0 && xOff >= 0 && yOff >= 0 && outOff >= 0;
        assert xOff + n <= x.length && yOff + n <= y.length && outOff + n <= out.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        DoubleVector va = DoubleVector.broadcast(sp, a);
        int i = 0;
        int step = VectorShapes.UNROLL * lanes;
        // Unrolled, loads before stores: more independent loads in flight per iteration. The one-vector loop ran
        // at 0.78x of the (C2-unrolled) scalar twin at n = 10^7, where the memory system wants that parallelism.
        for (int upper = n - n % step; i < upper; i += step) {
            DoubleVector x0 = DoubleVector.fromArray(sp, x, xOff + i);
            DoubleVector x1 = DoubleVector.fromArray(sp, x, xOff + i + lanes);
            DoubleVector x2 = DoubleVector.fromArray(sp, x, xOff + i + 2 * lanes);
            DoubleVector x3 = DoubleVector.fromArray(sp, x, xOff + i + 3 * lanes);
            DoubleVector y0 = DoubleVector.fromArray(sp, y, yOff + i);
            DoubleVector y1 = DoubleVector.fromArray(sp, y, yOff + i + lanes);
            DoubleVector y2 = DoubleVector.fromArray(sp, y, yOff + i + 2 * lanes);
            DoubleVector y3 = DoubleVector.fromArray(sp, y, yOff + i + 3 * lanes);
            y0.fma(va, x0).intoArray(out, outOff + i);
            y1.fma(va, x1).intoArray(out, outOff + i + lanes);
            y2.fma(va, x2).intoArray(out, outOff + i + 2 * lanes);
            y3.fma(va, x3).intoArray(out, outOff + i + 3 * lanes);
        }
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector.fromArray(sp, y, yOff + i).fma(va, DoubleVector.fromArray(sp, x, xOff + i))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            ScalarDoubleKernels.xpayLane(x, xOff + i, a, y, yOff + i, out, outOff + i);
        }
    }

    @Override
    public void momentumStep(double[] x, double[] v, double[] g, int off, int n,
                             double lr, double mu, double wd, boolean nesterov) {
        assert n >= 0 && off >= 0 && off + n <= x.length && off + n <= v.length && off + n <= g.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        double negLr = -lr;
        DoubleVector vNegLr = DoubleVector.broadcast(sp, negLr);
        DoubleVector vMu = DoubleVector.broadcast(sp, mu);
        DoubleVector vWd = DoubleVector.broadcast(sp, wd);
        int i = off;
        int step = 2 * lanes;
        // Two vectors per iteration with every load first: C2 cannot rule out that x, v and g overlap, so it keeps
        // each load after the previous iteration's stores; grouping the loads gives it independent work. Measured
        // (JMH, 3 forks, n = 10^4): doubles 1.19x the scalar twin (was 1.0x); floats still 0.82x, where C2's own
        // auto-vectorization of the twin, with its runtime overlap check, stays ahead.
        for (int upper = off + n - n % step; i < upper; i += step) {
            DoubleVector x0 = DoubleVector.fromArray(sp, x, i);
            DoubleVector x1 = DoubleVector.fromArray(sp, x, i + lanes);
            DoubleVector g0 = x0.fma(vWd, DoubleVector.fromArray(sp, g, i));              // fma(wd, x, g)
            DoubleVector g1 = x1.fma(vWd, DoubleVector.fromArray(sp, g, i + lanes));
            DoubleVector v0 = DoubleVector.fromArray(sp, v, i).fma(vMu, g0);              // fma(mu, v, g')
            DoubleVector v1 = DoubleVector.fromArray(sp, v, i + lanes).fma(vMu, g1);
            v0.intoArray(v, i);
            v1.intoArray(v, i + lanes);
            storeMomentumParams(x, i, x0, v0, g0, vMu, vNegLr, nesterov);
            storeMomentumParams(x, i + lanes, x1, v1, g1, vMu, vNegLr, nesterov);
        }
        for (int upper = off + sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector xi = DoubleVector.fromArray(sp, x, i);
            DoubleVector gi = xi.fma(vWd, DoubleVector.fromArray(sp, g, i));
            DoubleVector vi = DoubleVector.fromArray(sp, v, i).fma(vMu, gi);
            vi.intoArray(v, i);
            storeMomentumParams(x, i, xi, vi, gi, vMu, vNegLr, nesterov);
        }
        for (int end = off + n; i < end; i++) {
            ScalarDoubleKernels.momentumLane(x, v, g, i, negLr, mu, wd, nesterov);
        }
    }

    @Override
    public void adamStep(double[] x, double[] m, double[] v, double[] vMax, double[] g, int off, int n,
                         double beta1, double beta2, double stepSize, double invBias2, double eps,
                         double l2, double decay) {
        assert n >= 0 && off >= 0 && off + n <= x.length && off + n <= m.length && off + n <= v.length
                && off + n <= g.length && (vMax == null || off + n <= vMax.length);
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        double c1 = 1.0 - beta1;
        double c2 = 1.0 - beta2;
        DoubleVector vBeta1 = DoubleVector.broadcast(sp, beta1);
        DoubleVector vBeta2 = DoubleVector.broadcast(sp, beta2);
        DoubleVector vC1 = DoubleVector.broadcast(sp, c1);
        DoubleVector vC2 = DoubleVector.broadcast(sp, c2);
        DoubleVector vStep = DoubleVector.broadcast(sp, stepSize);
        DoubleVector vInvBias2 = DoubleVector.broadcast(sp, invBias2);
        DoubleVector vEps = DoubleVector.broadcast(sp, eps);
        DoubleVector vL2 = DoubleVector.broadcast(sp, l2);
        DoubleVector vDecay = DoubleVector.broadcast(sp, decay);
        boolean amsgrad = vMax != null;
        int i = off;
        // Same operation order as ScalarDoubleKernels.adamLane, one lane-wise op per scalar op.
        for (int upper = off + sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector xi = DoubleVector.fromArray(sp, x, i);
            DoubleVector gi = xi.fma(vL2, DoubleVector.fromArray(sp, g, i));             // fma(l2, x, g)
            DoubleVector mi = DoubleVector.fromArray(sp, m, i).fma(vBeta1, vC1.mul(gi));  // fma(b1, m, c1*g')
            DoubleVector vi = DoubleVector.fromArray(sp, v, i).fma(vBeta2, vC2.mul(gi).mul(gi)); // (c2*g')*g'
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            // Each branch stores its own result: no vector is merged from the two branches (a phi that C2 would box).
            if (amsgrad) {
                // Lane-wise MAX has Math.max semantics (NaN wins, -0.0 < +0.0), so AMSGrad stays bitwise equal.
                DoubleVector vh = DoubleVector.fromArray(sp, vMax, i).lanewise(VectorOperators.MAX, vi);
                vh.intoArray(vMax, i);
                adamParams(xi, mi, vh, vDecay, vStep, vInvBias2, vEps).intoArray(x, i);
            } else {
                adamParams(xi, mi, vi, vDecay, vStep, vInvBias2, vEps).intoArray(x, i);
            }
        }
        for (int end = off + n; i < end; i++) {
            ScalarDoubleKernels.adamLane(x, m, v, vMax, g, i, beta1, beta2, c1, c2, stepSize, invBias2, eps,
                    l2, decay);
        }
    }

    /**
     * Stores {@code x = fma(-lr, dir, x)} with {@code dir = nesterov ? fma(mu, v, g') : v}. Each branch stores its own
     * result: a vector merged from two branches is a phi that C2 boxes on every iteration (that made the momentum
     * kernel 2x slower than its scalar twin at n = 1003); the branch is loop-invariant and C2 unswitches it.
     */
    private static void storeMomentumParams(double[] x, int i, DoubleVector xi, DoubleVector vi, DoubleVector gi,
                                            DoubleVector vMu, DoubleVector vNegLr, boolean nesterov) {
        if (nesterov) {
            vi.fma(vMu, gi).fma(vNegLr, xi).intoArray(x, i);                           // fma(-lr, fma(mu, v, g'), x)
        } else {
            vi.fma(vNegLr, xi).intoArray(x, i);                                        // fma(-lr, v, x)
        }
    }

    /** Adam's new parameters {@code decay*x - (step*m) / (sqrt(vh*invBias2) + eps)}, lane-wise (inlined by C2). */
    private static DoubleVector adamParams(DoubleVector xi, DoubleVector mi, DoubleVector vh, DoubleVector vDecay,
                                           DoubleVector vStep, DoubleVector vInvBias2, DoubleVector vEps) {
        DoubleVector denom = vh.mul(vInvBias2).sqrt().add(vEps);
        return vDecay.mul(xi).sub(vStep.mul(mi).div(denom));
    }

    /**
     * Sums the lanes of {@code v} in lane order, {@code ((v0 + v1) + v2) + ...}. The order is pinned on purpose:
     * {@code reduceLanes(ADD)} leaves it unspecified, and in practice the interpreter's fallback and the C2
     * intrinsic associate differently, so the same call could return results one ulp apart depending on whether
     * the method was compiled yet. With the order pinned, a reduction is a function of its inputs and the vector
     * shape only (style.md rule 15). Called once per reduction, so the cost is {@code lanes} extractions.
     */
    @Override
    public double productDot(double[] x, double[] a, double[] b, int n) {
        assert n >= 0 && n <= x.length && n <= a.length && n <= b.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        int step = VectorShapes.UNROLL * lanes;
        int i = 0;
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = DoubleVector.zero(sp);
        DoubleVector acc2 = DoubleVector.zero(sp);
        DoubleVector acc3 = DoubleVector.zero(sp);
        for (int upper = n - n % step; i < upper; i += step) {
            acc0 = productTerm(sp, x, a, b, i, acc0);
            acc1 = productTerm(sp, x, a, b, i + lanes, acc1);
            acc2 = productTerm(sp, x, a, b, i + 2 * lanes, acc2);
            acc3 = productTerm(sp, x, a, b, i + 3 * lanes, acc3);
        }
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            acc0 = productTerm(sp, x, a, b, i, acc0);
        }
        double s = sumLanesInOrder(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s = ScalarDoubleKernels.productDotLane(x[i], a[i], b[i], s);
        }
        return s;
    }

    private static DoubleVector productTerm(VectorSpecies<Double> sp, double[] x, double[] a, double[] b, int i,
                                            DoubleVector acc) {
        return DoubleVector.fromArray(sp, x, i).mul(DoubleVector.fromArray(sp, a, i))
                .fma(DoubleVector.fromArray(sp, b, i), acc);
    }

    @Override
    public void productStep(double c, double[] x, double[] a, double[] b, int n) {
        assert n >= 0 && n <= x.length && n <= a.length && n <= b.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        DoubleVector negC = DoubleVector.broadcast(sp, -c);
        int i = 0;
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector s = DoubleVector.fromArray(sp, x, i).mul(negC);
            DoubleVector ai = DoubleVector.fromArray(sp, a, i);
            DoubleVector bi = DoubleVector.fromArray(sp, b, i);
            s.fma(bi, ai).intoArray(a, i);
            s.fma(ai, bi).intoArray(b, i);
        }
        for (; i < n; i++) {
            ScalarDoubleKernels.productStepLane(c, x, a, b, i);
        }
    }

    @Override
    public void scaleByOnePlus(double c, double[] x, double[] w, int n) {
        assert n >= 0 && n <= x.length && n <= w.length;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        int lanes = sp.length();
        DoubleVector vc = DoubleVector.broadcast(sp, c);
        int i = 0;
        for (int upper = sp.loopBound(n); i < upper; i += lanes) {
            DoubleVector wi = DoubleVector.fromArray(sp, w, i);
            DoubleVector.fromArray(sp, x, i).mul(vc).fma(wi, wi).intoArray(w, i);
        }
        for (; i < n; i++) {
            ScalarDoubleKernels.scaleByOnePlusLane(c, x, w, i);
        }
    }

    private static double sumLanesInOrder(DoubleVector v) {
        double s = v.lane(0);
        for (int l = 1, lanes = v.length(); l < lanes; l++) {
            s += v.lane(l);
        }
        return s;
    }

    // ---------------------------------------------------------------- memory segments (off-heap data)
    // Same anatomy and summation order as the array versions, with byte offsets: element k of x is at byte
    // (xOff + k) * Double.BYTES. Indices are long because off-heap data may exceed 2^31 elements.

    @Override
    public double dot(MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        assert n >= 0 && xOff >= 0 && yOff >= 0;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        ByteOrder order = VectorShapes.ORDER;
        int lanes = sp.length();
        long step = (long) VectorShapes.UNROLL * lanes;
        long vb = (long) lanes * Double.BYTES; // bytes per vector
        long xb = xOff * Double.BYTES;
        long yb = yOff * Double.BYTES;
        long i = 0;
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = DoubleVector.zero(sp);
        DoubleVector acc2 = DoubleVector.zero(sp);
        DoubleVector acc3 = DoubleVector.zero(sp);
        for (long upper = n - n % step; i < upper; i += step) {
            long xo = xb + i * Double.BYTES;
            long yo = yb + i * Double.BYTES;
            acc0 = DoubleVector.fromMemorySegment(sp, x, xo, order)
                    .fma(DoubleVector.fromMemorySegment(sp, y, yo, order), acc0);
            acc1 = DoubleVector.fromMemorySegment(sp, x, xo + vb, order)
                    .fma(DoubleVector.fromMemorySegment(sp, y, yo + vb, order), acc1);
            acc2 = DoubleVector.fromMemorySegment(sp, x, xo + 2 * vb, order)
                    .fma(DoubleVector.fromMemorySegment(sp, y, yo + 2 * vb, order), acc2);
            acc3 = DoubleVector.fromMemorySegment(sp, x, xo + 3 * vb, order)
                    .fma(DoubleVector.fromMemorySegment(sp, y, yo + 3 * vb, order), acc3);
        }
        for (long upper = sp.loopBound(n); i < upper; i += lanes) {
            acc0 = DoubleVector.fromMemorySegment(sp, x, xb + i * Double.BYTES, order)
                    .fma(DoubleVector.fromMemorySegment(sp, y, yb + i * Double.BYTES, order), acc0);
        }
        double s = sumLanesInOrder(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) {
            s = ScalarDoubleKernels.dotLane(x.getAtIndex(ScalarDoubleKernels.LAYOUT, xOff + i),
                    y.getAtIndex(ScalarDoubleKernels.LAYOUT, yOff + i), s);
        }
        return s;
    }

    @Override
    public void axpyInPlace(double a, MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        assert n >= 0 && xOff >= 0 && yOff >= 0;
        VectorSpecies<Double> sp = VectorShapes.DOUBLE_SPECIES;
        ByteOrder order = VectorShapes.ORDER;
        int lanes = sp.length();
        DoubleVector va = DoubleVector.broadcast(sp, a);
        long xb = xOff * Double.BYTES;
        long yb = yOff * Double.BYTES;
        long i = 0;
        for (long upper = sp.loopBound(n); i < upper; i += lanes) {
            long yo = yb + i * Double.BYTES;
            DoubleVector.fromMemorySegment(sp, x, xb + i * Double.BYTES, order)
                    .fma(va, DoubleVector.fromMemorySegment(sp, y, yo, order))
                    .intoMemorySegment(y, yo, order);
        }
        for (; i < n; i++) {
            ScalarDoubleKernels.axpyLane(a, x, xOff + i, y, yOff + i);
        }
    }
}
