package org.optdyn.engine.kernel;

import static org.optdyn.engine.kernel.ScalarGaussianKernels.C1;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C2;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C3;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C4;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C5;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C6;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C7;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.C8;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.HALF_PI;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L1;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L2;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L3;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L4;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L5;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L6;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L7;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L8;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.L9;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.LN2_HI;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.LN2_LO;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.MAGIC;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.MAGIC_BITS;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.ONE_BITS;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S1;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S2;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S3;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S4;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S5;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S6;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.S7;
import static org.optdyn.engine.kernel.ScalarGaussianKernels.SQRT_HALF_BITS;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link GaussianKernels}: {@code D.length()} of the {@value GaussianKernels#STREAMS}
 * xoshiro256+ streams advance together in the lanes of one vector, and the Box–Muller transform runs lane-wise with
 * the scalar twin's exact operation sequence (so the output is bitwise identical to {@link ScalarGaussianKernels}).
 * The outer loop walks the stream groups ({@code STREAMS / D.length()} of them: 2 with AVX2), the inner loop the
 * blocks, so the state stays in registers for the whole call.
 */
final class VectorGaussianKernels implements GaussianKernels {

    /** Double species: the project-wide shape of {@link VectorShapes} (at most 8 lanes for doubles). */
    private static final VectorSpecies<Double> D = VectorShapes.DOUBLE_SPECIES;
    /** Long species of the same shape (same lane count as {@link #D}). */
    private static final VectorSpecies<Long> L = VectorShapes.LONG_SPECIES;

    private VectorGaussianKernels() {
    }

    static GaussianKernels create() {
        if (STREAMS % D.length() != 0 || L.length() != D.length()) {
            throw new IllegalStateException("unsupported vector shape " + D);
        }
        return new VectorGaussianKernels();
    }

    @Override
    public void fillGaussians(long[] state, double[] out, int off, int blocks) {
        fill(state, null, 0, out, off, blocks);
    }

    @Override
    public void fillScaledGaussians(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks) {
        fill(state, scale, scaleOff, out, off, blocks);
    }

    private static void fill(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks) {
        assert state.length == STATE_LENGTH && blocks >= 0 && off >= 0 && off + blocks * BLOCK <= out.length;
        int lanes = D.length();
        // broadcast the polynomial constants once (vectors live in locals only, never in fields)
        DoubleVector vL1 = DoubleVector.broadcast(D, L1), vL2 = DoubleVector.broadcast(D, L2);
        DoubleVector vL3 = DoubleVector.broadcast(D, L3), vL4 = DoubleVector.broadcast(D, L4);
        DoubleVector vL5 = DoubleVector.broadcast(D, L5), vL6 = DoubleVector.broadcast(D, L6);
        DoubleVector vL7 = DoubleVector.broadcast(D, L7), vL8 = DoubleVector.broadcast(D, L8);
        DoubleVector vL9 = DoubleVector.broadcast(D, L9);
        DoubleVector vS1 = DoubleVector.broadcast(D, S1), vS2 = DoubleVector.broadcast(D, S2);
        DoubleVector vS3 = DoubleVector.broadcast(D, S3), vS4 = DoubleVector.broadcast(D, S4);
        DoubleVector vS5 = DoubleVector.broadcast(D, S5), vS6 = DoubleVector.broadcast(D, S6);
        DoubleVector vS7 = DoubleVector.broadcast(D, S7);
        DoubleVector vC1 = DoubleVector.broadcast(D, C1), vC2 = DoubleVector.broadcast(D, C2);
        DoubleVector vC3 = DoubleVector.broadcast(D, C3), vC4 = DoubleVector.broadcast(D, C4);
        DoubleVector vC5 = DoubleVector.broadcast(D, C5), vC6 = DoubleVector.broadcast(D, C6);
        DoubleVector vC7 = DoubleVector.broadcast(D, C7), vC8 = DoubleVector.broadcast(D, C8);
        DoubleVector vLN2_HI = DoubleVector.broadcast(D, LN2_HI), vLN2_LO = DoubleVector.broadcast(D, LN2_LO);
        DoubleVector ONE = DoubleVector.broadcast(D, 1.0), TWO = DoubleVector.broadcast(D, 2.0);
        for (int g = 0; g < STREAMS; g += lanes) {
            LongVector s0 = LongVector.fromArray(L, state, g);
            LongVector s1 = LongVector.fromArray(L, state, STREAMS + g);
            LongVector s2 = LongVector.fromArray(L, state, 2 * STREAMS + g);
            LongVector s3 = LongVector.fromArray(L, state, 3 * STREAMS + g);
            for (int b = 0; b < blocks; b++) {
                // two xoshiro256+ steps per lane: r1 (radius), r2 (angle)
                LongVector r1 = s0.add(s3);
                LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                s2 = s2.lanewise(VectorOperators.XOR, s0);
                s3 = s3.lanewise(VectorOperators.XOR, s1);
                s1 = s1.lanewise(VectorOperators.XOR, s2);
                s0 = s0.lanewise(VectorOperators.XOR, s3);
                s2 = s2.lanewise(VectorOperators.XOR, t);
                s3 = s3.lanewise(VectorOperators.ROL, 45);
                LongVector r2 = s0.add(s3);
                t = s1.lanewise(VectorOperators.LSHL, 17);
                s2 = s2.lanewise(VectorOperators.XOR, s0);
                s3 = s3.lanewise(VectorOperators.XOR, s1);
                s1 = s1.lanewise(VectorOperators.XOR, s2);
                s0 = s0.lanewise(VectorOperators.XOR, s3);
                s2 = s2.lanewise(VectorOperators.XOR, t);
                s3 = s3.lanewise(VectorOperators.ROL, 45);

                // radius = sqrt(-2 ln u1), u1 = 2 - [1, 2)-double from the top 52 bits (exact, in (0, 1])
                DoubleVector u = r1.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles()
                        .neg().add(2.0);
                LongVector ub = u.reinterpretAsLongs();
                LongVector k = ub.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
                DoubleVector m = ub.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
                DoubleVector kd = k.add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC);
                DoubleVector s = m.sub(1.0).div(m.add(1.0));
                DoubleVector w = s.mul(s);
                DoubleVector p = w.fma(vL9, vL8);
                p = w.fma(p, vL7);
                p = w.fma(p, vL6);
                p = w.fma(p, vL5);
                p = w.fma(p, vL4);
                p = w.fma(p, vL3);
                p = w.fma(p, vL2);
                p = w.fma(p, vL1);
                DoubleVector lnm = s.mul(w.fma(p, TWO));
                DoubleVector ln = kd.fma(vLN2_HI, kd.fma(vLN2_LO, lnm));
                DoubleVector radius = ln.mul(-2.0).sqrt();

                // angle: alpha = (pi/2) v in [-pi/4, pi/4), polynomials, two doublings
                DoubleVector alpha = r2.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles()
                        .sub(1.5).mul(HALF_PI);
                DoubleVector a2 = alpha.mul(alpha);
                DoubleVector ps = a2.fma(vS7, vS6);
                ps = a2.fma(ps, vS5);
                ps = a2.fma(ps, vS4);
                ps = a2.fma(ps, vS3);
                ps = a2.fma(ps, vS2);
                ps = a2.fma(ps, vS1);
                DoubleVector sa = alpha.mul(a2).fma(ps, alpha);
                DoubleVector pc = a2.fma(vC8, vC7);
                pc = a2.fma(pc, vC6);
                pc = a2.fma(pc, vC5);
                pc = a2.fma(pc, vC4);
                pc = a2.fma(pc, vC3);
                pc = a2.fma(pc, vC2);
                pc = a2.fma(pc, vC1);
                DoubleVector ca = a2.fma(pc, ONE);
                DoubleVector c2 = ca.sub(sa).mul(ca.add(sa));
                DoubleVector sn2 = sa.mul(2.0).mul(ca);
                DoubleVector c4 = c2.sub(sn2).mul(c2.add(sn2));
                DoubleVector sn4 = sn2.mul(2.0).mul(c2);

                int i1 = off + b * BLOCK + g;
                int i2 = i1 + STREAMS;
                DoubleVector z1 = radius.mul(c4);
                DoubleVector z2 = radius.mul(sn4);
                if (scale != null) {
                    int k1 = scaleOff + b * BLOCK + g;
                    z1 = z1.mul(DoubleVector.fromArray(D, scale, k1));
                    z2 = z2.mul(DoubleVector.fromArray(D, scale, k1 + STREAMS));
                }
                z1.intoArray(out, i1);
                z2.intoArray(out, i2);
            }
            s0.intoArray(state, g);
            s1.intoArray(state, STREAMS + g);
            s2.intoArray(state, 2 * STREAMS + g);
            s3.intoArray(state, 3 * STREAMS + g);
        }
    }
}
