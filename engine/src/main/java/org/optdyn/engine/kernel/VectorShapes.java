package org.optdyn.engine.kernel;

import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one place that holds the Vector API species of the kernels (style.md rule 2). Everything else reads these
 * {@code static final} constants into locals; no vector, mask or species is ever stored in an instance field or an
 * array (C2 constant-folds a {@code static final} species, whereas a species or vector held in an object field can
 * be boxed on every iteration, see docs/platform.md).
 *
 * <p>By default the shape is {@code SPECIES_PREFERRED} (256 bits = 4 doubles / 8 floats on the project's AVX2
 * machines). The test-only system property {@value #SHAPE_PROPERTY} ({@code 128} or {@code 256}) forces a shape so
 * that the test suite also exercises lane counts the hardware would not pick; it is read once, when this class is
 * initialized. Shapes wider than the hardware's are rejected because the Vector API would emulate them (slowly).
 */
final class VectorShapes {

    /** Test-only system property: {@code 128} or {@code 256} forces that vector width in bits. */
    static final String SHAPE_PROPERTY = "optdyn.simd.shape";

    /** The vector shape in use. */
    static final VectorShape SHAPE = chooseShape(System.getProperty(SHAPE_PROPERTY));

    /** Species of the double kernels. */
    static final VectorSpecies<Double> DOUBLE_SPECIES = DoubleVector.SPECIES_PREFERRED.withShape(SHAPE);

    /** Species of the float kernels. */
    static final VectorSpecies<Float> FLOAT_SPECIES = FloatVector.SPECIES_PREFERRED.withShape(SHAPE);

    /** Long species of the same shape as {@link #DOUBLE_SPECIES} (the Gaussian generator's xoshiro256+ lanes). */
    static final VectorSpecies<Long> LONG_SPECIES = VectorSpecies.of(long.class, SHAPE);

    /**
     * Unroll factor of the reduction loops: 4 independent accumulators. An AVX2 FMA has a latency of 4 cycles and
     * the dot product issues at most one FMA per cycle (it is limited by two loads per cycle), so 4 chains in flight
     * keep the FMA unit busy; more would only lengthen the cleanup. Elementwise loops carry no dependency between
     * iterations and are left to C2's own unrolling.
     */
    static final int UNROLL = 4;

    /** Byte order of vectors loaded from and stored to memory segments: the platform's, as in the scalar twin. */
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorShapes() {
    }

    private static VectorShape chooseShape(String forced) {
        VectorShape preferred = VectorShape.preferredShape();
        if (forced == null || forced.isBlank()) {
            return preferred;
        }
        VectorShape shape = switch (forced.strip()) {
            case "128" -> VectorShape.S_128_BIT;
            case "256" -> VectorShape.S_256_BIT;
            default -> throw new IllegalArgumentException(SHAPE_PROPERTY + " must be 128 or 256, got '" + forced + "'");
        };
        if (shape.vectorBitSize() > preferred.vectorBitSize()) {
            throw new IllegalArgumentException(SHAPE_PROPERTY + "=" + forced + " is wider than the hardware's "
                    + preferred.vectorBitSize() + "-bit vectors");
        }
        return shape;
    }
}
