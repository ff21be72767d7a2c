package org.optdyn.engine.dln;

import java.util.Objects;
import org.optdyn.engine.stream.TimeGrid;

/**
 * Streaming SGD on a diagonal linear network (diagonal-networks.md §1): labels {@code y = <x, beta> + sigma xi},
 * step {@code gamma}, one fresh sample per step, recorded at the times of {@code grid} ({@code t = n/d}).
 *
 * @param instance        covariance diagonal, target and start
 * @param parametrisation how the predictor is built from the trained parameters
 * @param gamma           step {@code gamma}, finite and {@code > 0}
 * @param sigma           label noise {@code sigma}, finite and {@code >= 0}
 * @param grid            output times (each rounded to the nearest step {@code n = round(t d)}; 0 is added)
 */
public record DlnProblem(DlnInstance instance, Parametrisation parametrisation, double gamma, double sigma,
                         TimeGrid grid) {

    public DlnProblem {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(parametrisation, "parametrisation");
        Objects.requireNonNull(grid, "grid");
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    /** @return the problem on instance N1 (diagonal-networks.md §7) at dimension {@code d}, product parametrisation */
    public static DlnProblem n1(int d, double gamma, double sigma, TimeGrid grid) {
        return new DlnProblem(DlnInstance.n1(d), Parametrisation.PRODUCT, gamma, sigma, grid);
    }

    /** @return this problem with another parametrisation */
    public DlnProblem withParametrisation(Parametrisation p) {
        return new DlnProblem(instance, p, gamma, sigma, grid);
    }

    /** @return this problem with another step */
    public DlnProblem withGamma(double g) {
        return new DlnProblem(instance, parametrisation, g, sigma, grid);
    }
}
