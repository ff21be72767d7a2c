package org.optdyn.engine.dln;

/**
 * The exact population observables of a diagonal-network state (diagonal-networks.md §1 and §3), averages over the
 * {@code d} coordinates in the product coordinates {@code (u, v)}:
 * <pre>
 *   risk       R = (1/(2d)) sum_i k_i (theta_i - beta_i)^2 + sigma^2/2      (population risk, no test set)
 *   curvature  kappa = (1/d) sum_i k_i (u_i^2 + v_i^2)                       (trace of the Hessian of R in (u, v), times d)
 *   imbalance  c = (1/d) sum_i (u_i^2 - v_i^2)
 *   l1         l = (1/d) sum_i |theta_i|
 *   distance   D = (1/d) sum_i (theta_i - beta_i)^2
 * </pre>
 * For the squares parametrisation {@code u = w+ + w-}, {@code v = w+ - w-}, so {@code u^2 + v^2 = 2(w+^2 + w-^2)} and
 * {@code u^2 - v^2 = 4 w+ w-}.
 */
public record DlnObservables(double risk, double curvature, double imbalance, double l1, double distance) {

    /** @return the observables of the state {@code (u, v)}, {@code theta = u (.) v} */
    public static DlnObservables ofProduct(double[] k, double[] beta, double[] u, double[] v, double sigma) {
        return of(Parametrisation.PRODUCT, k, beta, u, v, sigma);
    }

    /**
     * @param a {@code u} or {@code w+}
     * @param b {@code v} or {@code w-}
     * @return the observables of the state {@code (a, b)} of the given parametrisation
     */
    public static DlnObservables of(Parametrisation p, double[] k, double[] beta, double[] a, double[] b,
                                    double sigma) {
        int d = k.length;
        double sq = 0;
        double kappa = 0;
        double imbalance = 0;
        double l1 = 0;
        double dist = 0;
        boolean product = p == Parametrisation.PRODUCT;
        for (int i = 0; i < d; i++) {
            double ai = a[i];
            double bi = b[i];
            double theta = product ? ai * bi : ai * ai - bi * bi;
            double s = product ? ai * ai + bi * bi : 2 * (ai * ai + bi * bi);
            double c = product ? ai * ai - bi * bi : 4 * ai * bi;
            double delta = theta - beta[i];
            sq += k[i] * delta * delta;
            kappa += k[i] * s;
            imbalance += c;
            l1 += Math.abs(theta);
            dist += delta * delta;
        }
        return new DlnObservables(sq / (2.0 * d) + sigma * sigma / 2, kappa / d, imbalance / d, l1 / d, dist / d);
    }

    /** @return whether every observable is finite */
    public boolean finite() {
        return Double.isFinite(risk) && Double.isFinite(curvature) && Double.isFinite(imbalance) && Double.isFinite(l1)
                && Double.isFinite(distance);
    }
}
