package org.optdyn.engine.random;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One master seed, many independent streams: stream {@code i} (a run, a replicate, a worker) gets its own
 * {@link GaussianStream} and its own general-purpose {@code L64X256MixRandom} generator, each seeded by
 * {@link SeedMixer#derive} from {@code (master, i, purpose)}. Derivation is random-access: a stream's values do not
 * depend on how many other streams were created or in which order, so parallel runs give identical results for
 * any thread count.
 *
 * @param masterSeed the seed every stream of an experiment is derived from
 */
public record RandomStreams(long masterSeed) {

    private static final long PURPOSE_GAUSSIAN = 1;
    private static final long PURPOSE_GENERAL = 2;

    /** @return the bulk Gaussian stream number {@code index} (the per-step data of run {@code index}). */
    public GaussianStream gaussian(long index) {
        return GaussianStream.of(SeedMixer.derive(masterSeed, index, PURPOSE_GAUSSIAN));
    }

    /**
     * @return an {@code L64X256MixRandom} (a JDK {@link RandomGenerator.SplittableGenerator}) for stream
     *         {@code index}: for one-off draws such as a random target or rotation
     */
    public RandomGenerator.SplittableGenerator general(long index) {
        RandomGeneratorFactory<RandomGenerator.SplittableGenerator> f = RandomGeneratorFactory.of("L64X256MixRandom");
        return f.create(SeedMixer.derive(masterSeed, index, PURPOSE_GENERAL));
    }

    /** @return the family of streams derived from child {@code index} (nested experiments). */
    public RandomStreams child(long index) {
        return new RandomStreams(SeedMixer.derive(masterSeed, index, 3));
    }
}
