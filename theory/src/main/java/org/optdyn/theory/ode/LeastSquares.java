package org.optdyn.theory.ode;

import org.optdyn.engine.stream.ModelKind;

/**
 * Least squares, f(x,y,ε) = ½(x − y − ε)² (sgd-ode.md §1.2, §2.8; [HL] eq. (7)):
 * h = ½(B₁₁ − 2B₁₂ + B₂₂ + ω²), I = 2h, H₁ = ½, H₂ = −½, A = 2h − ω². The reported risk includes the noise
 * floor ½ω².
 */
public record LeastSquares() implements GlmModel {

    static final LeastSquares INSTANCE = new LeastSquares();

    @Override
    public ModelTerms terms(double b11, double b12, double b22, double noiseVariance) {
        double i = b11 - 2 * b12 + b22 + noiseVariance;
        double h = 0.5 * i;
        return new ModelTerms(h, h, i, 0.5, -0.5, i - noiseVariance);
    }

    @Override
    public boolean supportsNoise() {
        return true;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LEAST_SQUARES;
    }
}
