package org.optdyn.engine.random;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014): a bijective
 * 64-bit finalizer used to turn (master seed, stream index) pairs into well-separated seeds, and a sequence
 * generator for filling xoshiro state.
 */
public final class SeedMixer {

    /** The golden-ratio increment {@code floor(2^64 / phi)} of SplitMix64. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedMixer() {
    }

    /** @return the SplitMix64 output function ("mix64", variant 13 of Stafford's mixers) of {@code z}. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @return a seed for stream {@code index} of {@code purpose} under {@code master}; distinct (index, purpose)
     *         pairs give unrelated seeds, and the result does not depend on which other streams were derived
     */
    public static long derive(long master, long index, long purpose) {
        long h = mix64(master + GOLDEN_GAMMA);
        h = mix64(h ^ (index * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
        return mix64(h ^ (purpose * 0xD1B54A32D192ED03L + GOLDEN_GAMMA));
    }
}
