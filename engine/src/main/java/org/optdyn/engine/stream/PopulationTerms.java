package org.optdyn.engine.stream;

/**
 * The population quantities of a label model at an overlap matrix {@code B = W^T K W} that homogenized SGD needs
 * (sgd-ode.md §2.2, §2.8): the gradient coefficients {@code H_1 = dh/dB11}, {@code H_2 = (1/2) dh/dB12} (so that
 * {@code grad R(X) = 2K(H_1 X + H_2 X*)}) and the Fisher term {@code I(B) = E f'(x, y, eps)^2},
 * {@code (x, y) ~ N(0, B)}, {@code eps ~ N(0, omega^2)}. One mutable instance per run: {@link #evaluate} writes the
 * three fields, allocation-free.
 */
abstract sealed class PopulationTerms {

    /** {@code H_1} at the last evaluated {@code B}. */
    double h1;
    /** {@code H_2} at the last evaluated {@code B}. */
    double h2;
    /** {@code I(B)} at the last evaluated {@code B}. */
    double fisher;

    /** Evaluates {@code H_1}, {@code H_2}, {@code I} at {@code B = [[b11, b12], [b12, b22]]}. */
    abstract void evaluate(double b11, double b12, double b22);

    /** @return fresh terms for {@code model}. */
    static PopulationTerms of(LabelModel model) {
        return switch (model) {
            case LabelModel.LeastSquares ls -> new LeastSquares(ls.noiseSd());
            case LabelModel.PhaseRetrieval pr -> new PhaseRetrieval(pr.noiseSd());
            case LabelModel.Logistic _ -> new Logistic(HermiteQuadrature.standard());
        };
    }

    /** §2.8: {@code H_1 = 1/2}, {@code H_2 = -1/2}, {@code I = B11 - 2 B12 + B22 + omega^2 = 2 h(B)}. */
    static final class LeastSquares extends PopulationTerms {
        private final double noiseVar;

        LeastSquares(double noiseSd) {
            this.noiseVar = noiseSd * noiseSd;
            this.h1 = 0.5;
            this.h2 = -0.5;
        }

        @Override
        void evaluate(double b11, double b12, double b22) {
            // max(0, .): the residual form B11 - 2B12 + B22 can round below 0 when X = X*
            fisher = Math.max(0, b11 - 2 * b12 + b22) + noiseVar;
        }
    }

    /**
     * §2.8 (derived there by Isserlis' theorem): {@code H_1 = 3 B11 - B22}, {@code H_2 = -2 B12},
     * {@code I = 4(15 B11^3 - 6 B11^2 B22 - 24 B11 B12^2 + 3 B11 B22^2 + 12 B12^2 B22) + 4 omega^2 B11}.
     */
    static final class PhaseRetrieval extends PopulationTerms {
        private final double noiseVar;

        PhaseRetrieval(double noiseSd) {
            this.noiseVar = noiseSd * noiseSd;
        }

        @Override
        void evaluate(double b11, double b12, double b22) {
            h1 = 3 * b11 - b22;
            h2 = -2 * b12;
            double q = b12 * b12;
            fisher = 4 * (15 * b11 * b11 * b11 - 6 * b11 * b11 * b22 - 24 * b11 * q + 3 * b11 * b22 * b22
                    + 12 * q * b22) + 4 * noiseVar * b11;
        }
    }

    /**
     * Logistic regression with soft labels (§2.8, [HL] App. G.1): {@code H_1 = (1/2) E sigma'(sqrt(B11) z)},
     * {@code H_2 = -(1/2) E sigma'(sqrt(B22) z)} (one-dimensional, by Stein's lemma) and
     * {@code I = E_B (sigma(x) - sigma(y))^2} (two-dimensional), by the {@link HermiteQuadrature} of §2.7:
     * {@code 2n} plus {@code n^2} sigmoid evaluations per call ({@code H_2} is cached, since {@code B22} is constant
     * along a run).
     */
    static final class Logistic extends PopulationTerms {
        private final double[] xi;
        private final double[] w;
        private double cachedB22 = Double.NaN;

        Logistic(HermiteQuadrature rule) {
            this.xi = rule.nodesView();
            this.w = rule.weightsView();
        }

        private double meanSigmoidPrime(double variance) {
            double s = Math.sqrt(2 * Math.max(0, variance));
            double acc = 0;
            for (int k = 0; k < xi.length; k++) {
                double p = LabelModel.Logistic.sigmoid(s * xi[k]);
                acc += w[k] * p * (1 - p);
            }
            return acc / Math.sqrt(Math.PI);
        }

        @Override
        void evaluate(double b11, double b12, double b22) {
            h1 = 0.5 * meanSigmoidPrime(b11);
            if (!(b22 == cachedB22)) {
                h2 = -0.5 * meanSigmoidPrime(b22);
                cachedB22 = b22;
            }
            double r2 = Math.sqrt(2);
            if (!(b22 > 0)) {                 // y = 0: sigma(y) = 1/2, x ~ N(0, B11)
                double s = Math.sqrt(2 * Math.max(0, b11));
                double acc = 0;
                for (int k = 0; k < xi.length; k++) {
                    double e = LabelModel.Logistic.sigmoid(s * xi[k]) - 0.5;
                    acc += w[k] * e * e;
                }
                fisher = acc / Math.sqrt(Math.PI);
                return;
            }
            double sy = Math.sqrt(b22);
            double cx = b12 / sy;
            double sx = Math.sqrt(Math.max(0, b11 - cx * cx));
            double acc = 0;
            for (int k = 0; k < xi.length; k++) {
                double z1 = r2 * xi[k];
                double sigY = LabelModel.Logistic.sigmoid(sy * z1);
                double xk = cx * z1;
                double inner = 0;
                for (int l = 0; l < xi.length; l++) {
                    double e = LabelModel.Logistic.sigmoid(xk + sx * r2 * xi[l]) - sigY;
                    inner += w[l] * e * e;
                }
                acc += w[k] * inner;
            }
            fisher = acc / Math.PI;
        }
    }
}
