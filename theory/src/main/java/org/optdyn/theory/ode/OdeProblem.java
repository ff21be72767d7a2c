package org.optdyn.theory.ode;

import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/**
 * Everything that determines one deterministic-equivalent curve (sgd-ode.md §2): the model f, the spectrum of K
 * (grouped), the learning-rate rule, the label-noise standard deviation ω, the initial per-group overlaps, the
 * output grid and the integration options.
 *
 * @param model    least squares, logistic regression or phase retrieval
 * @param spectrum eigenvalues of K with multiplicities
 * @param rule     learning-rate rule (§2.6)
 * @param noise    ω ≥ 0, the <em>standard deviation</em> of the label noise (§0, §9 item 1); 0 for logistic
 * @param initial  per-group overlaps (p, c, s) at t = 0, one entry per group of {@code spectrum}
 * @param grid     output times
 * @param options  tolerances and recording options
 */
public record OdeProblem(GlmModel model, DiscreteSpectrum spectrum, LearningRateRule rule, double noise,
                         InitialOverlaps initial, TimeGrid grid, OdeOptions options) {

    /** Validates. */
    public OdeProblem {
        if (model == null || spectrum == null || rule == null || initial == null || grid == null || options == null) {
            throw new IllegalArgumentException("model, spectrum, rule, initial, grid and options must be non-null");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        if (noise > 0 && !model.supportsNoise()) {
            throw new IllegalArgumentException("model " + model.name() + " takes no label noise, got noise " + noise);
        }
        if (initial.groupCount() != spectrum.groupCount()) {
            throw new IllegalArgumentException("initial has " + initial.groupCount() + " groups but the spectrum has "
                    + spectrum.groupCount());
        }
    }

    /** Defaults of the CLI: ω = 0, X₀ = 0 and an isotropic unit target, default options. */
    public static OdeProblem of(GlmModel model, DiscreteSpectrum spectrum, LearningRateRule rule, TimeGrid grid) {
        return new OdeProblem(model, spectrum, rule, 0.0, InitialOverlaps.isotropic(spectrum), grid,
                OdeOptions.defaults());
    }

    /** Copy with label-noise standard deviation ω. */
    public OdeProblem withNoise(double omega) {
        return new OdeProblem(model, spectrum, rule, omega, initial, grid, options);
    }

    /** Copy with other initial overlaps. */
    public OdeProblem withInitial(InitialOverlaps init) {
        return new OdeProblem(model, spectrum, rule, noise, init, grid, options);
    }

    /** Copy with another grid. */
    public OdeProblem withGrid(TimeGrid g) {
        return new OdeProblem(model, spectrum, rule, noise, initial, g, options);
    }

    /** Copy with another rule. */
    public OdeProblem withRule(LearningRateRule r) {
        return new OdeProblem(model, spectrum, r, noise, initial, grid, options);
    }

    /** Copy with other options. */
    public OdeProblem withOptions(OdeOptions o) {
        return new OdeProblem(model, spectrum, rule, noise, initial, grid, o);
    }

    /** Copy with another relative tolerance. */
    public OdeProblem withRelativeTolerance(double rtol) {
        return withOptions(options.withRelativeTolerance(rtol));
    }

    /** ω². */
    public double noiseVariance() {
        return noise * noise;
    }
}
