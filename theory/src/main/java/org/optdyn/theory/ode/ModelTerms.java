package org.optdyn.theory.ode;

/**
 * The Gaussian functionals of a GLM at one overlap matrix B (sgd-ode.md §2.2), with (x,y) ~ N(0,B) and
 * ε ~ N(0,ω²):
 *
 * @param h                 h(B) = E f(x,y,ε), the population risk R(X) = h(B)
 * @param risk              the reported risk (§1.3): h for least squares and phase retrieval, the KL excess
 *                          h(B) − h*(B₂₂) for logistic regression
 * @param fisher            I(B) = E f'(x,y,ε)²
 * @param h1                H₁ = ∂h/∂B₁₁ = ½ E f_xx
 * @param h2                H₂ = ½ ∂h/∂B₁₂ = ½ E f_xy (half the derivative in the common off-diagonal value)
 * @param distanceDecrease  A(B) = E[(x−y) f'] = 2H₁(B₁₁−B₁₂) + 2H₂(B₁₂−B₂₂)
 */
public record ModelTerms(double h, double risk, double fisher, double h1, double h2, double distanceDecrease) {

    static ModelTerms of(double h, double risk, double fisher, double h1, double h2,
                         double b11, double b12, double b22) {
        return new ModelTerms(h, risk, fisher, h1, h2, 2 * h1 * (b11 - b12) + 2 * h2 * (b12 - b22));
    }
}
