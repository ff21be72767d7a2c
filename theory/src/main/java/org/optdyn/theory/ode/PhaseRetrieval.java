package org.optdyn.theory.ode;

import org.optdyn.engine.stream.ModelKind;

/**
 * Phase retrieval in the quartic form f(x,y,ε) = ½(x² − y² − ε)² (sgd-ode.md §1.2; closed forms §2.8, derived there
 * by Isserlis' theorem):
 * <pre>
 *   h  = ½(3B₁₁² + 3B₂₂² − 2B₁₁B₂₂ − 4B₁₂²) + ½ω²
 *   I  = 4(15B₁₁³ − 6B₁₁²B₂₂ − 24B₁₁B₁₂² + 3B₁₁B₂₂² + 12B₁₂²B₂₂) + 4ω²B₁₁
 *   H₁ = 3B₁₁ − B₂₂,   H₂ = −2B₁₂
 * </pre>
 * X = 0 is a saddle (c_j stays 0), so ODE comparisons need a warm start (§2.8). The quartic loss lies outside
 * [HL] Assumption 2 (§9 item 16).
 */
public record PhaseRetrieval() implements GlmModel {

    static final PhaseRetrieval INSTANCE = new PhaseRetrieval();

    @Override
    public ModelTerms terms(double b11, double b12, double b22, double noiseVariance) {
        double h = 0.5 * (3 * b11 * b11 + 3 * b22 * b22 - 2 * b11 * b22 - 4 * b12 * b12) + 0.5 * noiseVariance;
        double i = 4 * (15 * b11 * b11 * b11 - 6 * b11 * b11 * b22 - 24 * b11 * b12 * b12 + 3 * b11 * b22 * b22
                + 12 * b12 * b12 * b22) + 4 * noiseVariance * b11;
        return ModelTerms.of(h, h, i, 3 * b11 - b22, -2 * b12, b11, b12, b22);
    }

    @Override
    public boolean supportsNoise() {
        return true;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.PHASE_RETRIEVAL;
    }
}
