package org.optdyn.theory.ode;

import org.optdyn.engine.stream.ModelKind;

/**
 * A generalized linear model f(x, y, ε) of sgd-ode.md §1.2, seen through the Gaussian functionals the ODE needs
 * (§2.2): the risk h(B), the Fisher term I(B), the gradient entries H₁, H₂ and A(B), evaluated at the 2×2 overlap
 * matrix B = WᵀKW (symmetric, given by its free entries B₁₁, B₁₂, B₂₂).
 *
 * <p>Least squares and phase retrieval have closed forms (§2.8; noise integrated analytically); logistic regression
 * uses Gauss–Hermite quadrature (§2.7). The engine's {@link ModelKind} names the model (and parses its name);
 * {@link #of(ModelKind)} gives its theory view.
 */
public sealed interface GlmModel permits LeastSquares, LogisticRegression, PhaseRetrieval {

    /**
     * The functionals at B.
     *
     * @param noiseVariance ω² ≥ 0 (logistic regression requires 0, §9 item 3)
     */
    ModelTerms terms(double b11, double b12, double b22, double noiseVariance);

    /** Whether the model admits label noise ω &gt; 0. */
    boolean supportsNoise();

    /** Which model this is. */
    ModelKind kind();

    /** The model's name, {@link ModelKind#id()}: {@code ls}, {@code logistic}, {@code phase-retrieval}. */
    default String name() {
        return kind().id();
    }

    /** Least squares, f = ½(x − y − ε)². */
    static GlmModel leastSquares() {
        return LeastSquares.INSTANCE;
    }

    /** Logistic regression with soft labels σ(y), 50 Gauss–Hermite nodes. */
    static GlmModel logistic() {
        return LogisticRegression.standard();
    }

    /** Phase retrieval, f = ½(x² − y² − ε)². */
    static GlmModel phaseRetrieval() {
        return PhaseRetrieval.INSTANCE;
    }

    /** The theory view of {@code kind}: {@link #leastSquares()}, {@link #logistic()} or {@link #phaseRetrieval()}. */
    static GlmModel of(ModelKind kind) {
        return switch (kind) {
            case LEAST_SQUARES -> leastSquares();
            case LOGISTIC -> logistic();
            case PHASE_RETRIEVAL -> phaseRetrieval();
        };
    }
}
