package org.optdyn.theory.ode;

import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
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

    /**
     * The ODE of the simulator's problem, so that an experiment states a problem once and asks each solver for it:
     * the same model ({@code GlmModel.of(spec.model().kind())}) and label noise, the covariance's eigenvalues grouped
     * into a {@link DiscreteSpectrum} (a rotation of {@code K} does not change the ODE, sgd-ode.md §1.4), the same
     * learning-rate rule, the step grid's times {@code k/d} as output times, and {@code X₀ = 0} with an isotropic unit
     * target (the expected projections of {@code InitialCondition.zeroStartUnitTarget()}; other starts:
     * {@link #withInitial}), default options.
     *
     * @throws IllegalArgumentException if {@code spec} has a batch size above 1 or a custom update rule (the ODE
     *                                  here is that of plain one-sample SGD)
     */
    public static OdeProblem of(SimulationSpec spec) {
        if (spec.batchSize() != 1 || spec.updateRule() != null) {
            throw new IllegalArgumentException("spec: the ODE is that of plain SGD with batch size 1, got batch size "
                    + spec.batchSize() + (spec.updateRule() != null ? " and a custom update rule" : ""));
        }
        var spectrum = DiscreteSpectrum.ofEigenvalues(spec.covariance().eigenvalues());
        return of(GlmModel.of(spec.model().kind()), spectrum, spec.learningRate(), TimeGrid.of(spec.grid().times()))
                .withNoise(spec.model().noiseSd());
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
