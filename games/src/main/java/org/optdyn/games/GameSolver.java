package org.optdyn.games;

import java.util.Arrays;
import java.util.Objects;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.optim.DoubleOracleStep;
import org.optdyn.engine.optim.Extragradient;
import org.optdyn.engine.optim.GradientOracle;
import org.optdyn.engine.optim.OptimisticGradient;
import org.optdyn.engine.optim.Sgd;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.FirstOrderMethod.ACO;
import org.optdyn.theory.shapes.FirstOrderMethod.CO;
import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.MEG;
import org.optdyn.theory.shapes.FirstOrderMethod.NAG;
import org.optdyn.theory.shapes.FirstOrderMethod.OG;
import org.optdyn.theory.shapes.FirstOrderMethod.SQHB;

/**
 * Runs a first-order method on a game and records {@code ‖w_t - w*‖} and {@code ‖F(w_t)‖} every step
 * (spectral-shapes.md §5 update rules, with {@code w_{-1} := w_0}). All buffers are allocated once per run; the
 * step loop allocates nothing.
 *
 * <p>Where the engine has the update, it runs the engine's optimizer ({@code org.optdyn.engine.optim}): GD as plain
 * {@link Sgd}, HB with {@code 0 <= m < 1} as {@link Sgd} with heavy-ball momentum ({@code v = m v + g},
 * {@code w -= h v}, the same iteration as HB(h, m)), EG(η, γ) as {@link Extragradient} with extrapolation ratio
 * {@code γ/η}, OG as {@link OptimisticGradient}. The methods the engine lacks (negative momentum, NAG in the
 * look-ahead form, alternating GDA, MEG, CO, ACO, SQ-HB) are implemented here on the engine kernels
 * ({@code axpyInPlace}, {@code xpayInto}). The recorded {@code ‖F(w_t)‖} costs one extra field evaluation per
 * step for the engine-driven methods.
 *
 * <p>Update rules (v = F):
 * <ul>
 *   <li>GD(η): {@code w⁺ = w - η v(w)}; HB(h, m): {@code w⁺ = w - h v(w) + m(w - w⁻)} (m &lt; 0: negative momentum);
 *   <li>NAG(h, β): {@code y = w + β(w - w⁻)}, {@code w⁺ = y - h v(y)};
 *   <li>EG(η, γ): {@code w̃ = w - γ v(w)}, {@code w⁺ = w - η v(w̃)}; OG(η): {@code w⁺ = w - 2η v(w) + η v(w⁻)};
 *   <li>MEG(h, γ, m): {@code w⁺ = w - h v(w - γ v(w)) + m(w - w⁻)};
 *   <li>CO(η, γ): {@code w⁺ = w - η(v + γ Jᵀv)(w)}; ACO(h, γ, m): CO step {@code h} plus {@code m(w - w⁻)};
 *   <li>SQ-HB(h, m, γ): {@code D = (v(w) - v(w - γ v(w)))/γ}, {@code w⁺ = w + h D + m(w - w⁻)};
 *   <li>alternating GDA(η): {@code x⁺ = x - η v_x(x, y)}, {@code y⁺ = y - η v_y(x⁺, y)}.
 * </ul>
 */
public final class GameSolver {

    /** Default divergence threshold: {@code ‖w_t - w*‖ > 1e6 ‖w_0 - w*‖}. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 1e6;

    private GameSolver() {
    }

    /** Runs with the default divergence threshold. */
    public static Outcome<Trajectory> run(Game game, Algorithm algorithm, double[] w0, int steps) {
        return run(game, algorithm, w0, steps, DEFAULT_DIVERGENCE_FACTOR);
    }

    /**
     * @param game              the game
     * @param algorithm         the method
     * @param w0                the starting point (not modified)
     * @param steps             number of iterations {@code T >= 0}
     * @param divergenceFactor  divergence is reported when {@code ‖w_t - w*‖ > factor · max(‖w_0 - w*‖, 1e-300)}
     * @return the outcome with {@code ‖w_t - w*‖} and {@code ‖F(w_t)‖} for every recorded step: {@code t = 0..steps}
     *         when completed; on divergence ({@code ‖w_t - w*‖} above the threshold or non-finite),
     *         {@link Outcome.Diverged} with the first step {@code t} at which it was detected, no time, and the
     *         iterates {@code 0..t-1}
     */
    public static Outcome<Trajectory> run(Game game, Algorithm algorithm, double[] w0, int steps,
                                          double divergenceFactor) {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(w0, "w0");
        int p = game.dimension();
        if (w0.length != p) {
            throw new IllegalArgumentException("w0.length = " + w0.length + " but game dimension = " + p);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergenceFactor must be > 1, got " + divergenceFactor);
        }
        DoubleKernels k = Kernels.doubles();
        double[] wStar = game.equilibrium();
        double[] w = w0.clone();
        double[] prev = w0.clone();
        double[] g = new double[p];
        double[] g2 = new double[p];
        double[] tmp = new double[p];
        double[] gPrev = new double[p];
        double[] dist = new double[steps + 1];
        double[] fnorm = new double[steps + 1];
        double limit = 0;
        DoubleOracleStep engine = algorithm instanceof Algorithm.Standard st ? engineStep(st.method(), p) : null;
        double engineRate = algorithm instanceof Algorithm.Standard st ? engineRate(st.method()) : 0;
        GradientOracle oracle = game.oracle();
        for (int t = 0; t <= steps; t++) {
            game.field(w, g);
            double d = distance(w, wStar);
            double f = Math.sqrt(k.sumOfSquares(g, 0, p));
            if (t == 0) {
                limit = divergenceFactor * Math.max(d, 1e-300);
                System.arraycopy(g, 0, gPrev, 0, p);
            }
            if (!Double.isFinite(d) || !Double.isFinite(f) || d > limit) {
                String reason = !Double.isFinite(d) || !Double.isFinite(f) ? "non-finite iterate or field"
                        : "‖w_t - w*‖ = " + d + " exceeds " + divergenceFactor + " × ‖w_0 - w*‖";
                return new Outcome.Diverged<>(t, reason,
                        new Trajectory(Arrays.copyOf(dist, t), Arrays.copyOf(fnorm, t)));
            }
            dist[t] = d;
            fnorm[t] = f;
            if (t == steps) {
                break;
            }
            if (engine != null) {
                engine.step(w, oracle, engineRate);
                continue;
            }
            switch (algorithm) {
                case Algorithm.AlternatingGda a -> {
                    int s = game.split();
                    k.axpyInPlace(-a.eta(), g, 0, w, 0, s);
                    game.field(w, g2);
                    k.axpyInPlace(-a.eta(), g2, s, w, s, p - s);
                }
                case Algorithm.Standard st -> step(st.method(), game, k, w, prev, g, g2, tmp, gPrev, p);
            }
        }
        return new Outcome.Completed<>(new Trajectory(dist, fnorm));
    }

    /** @return the engine optimizer that runs {@code method} exactly, or null if the engine has none. */
    static DoubleOracleStep engineStep(FirstOrderMethod method, int p) {
        return switch (method) {
            case GD gd -> DoubleOracleStep.of(Sgd.plain(p));
            case HB hb when hb.m() >= 0 && hb.m() < 1 && hb.h() >= 0 -> DoubleOracleStep.of(new Sgd(p, Sgd.Config.heavyBall(hb.m())));
            case EG eg when eg.gamma() > 0 -> new Extragradient(p, eg.gamma() / eg.eta());
            case OG og -> new OptimisticGradient(p);
            default -> null;
        };
    }

    private static double engineRate(FirstOrderMethod method) {
        return switch (method) {
            case GD gd -> gd.eta();
            case HB hb -> hb.h();
            case EG eg -> eg.eta();
            case OG og -> og.eta();
            default -> 0;
        };
    }

    /** One iteration; {@code g = F(w)} on entry. */
    private static void step(FirstOrderMethod method, Game game, DoubleKernels k, double[] w, double[] prev,
                             double[] g, double[] g2, double[] tmp, double[] gPrev, int p) {
        switch (method) {
            case GD gd -> k.axpyInPlace(-gd.eta(), g, 0, w, 0, p);
            case HB hb -> momentumUpdate(k, w, prev, tmp, g, -hb.h(), hb.m(), p);
            case NAG nag -> {
                // y = w + β(w - w⁻) into tmp; w⁻ <- w; w <- y - h v(y)
                System.arraycopy(w, 0, tmp, 0, p);
                k.axpyInPlace(nag.beta(), w, 0, tmp, 0, p);
                k.axpyInPlace(-nag.beta(), prev, 0, tmp, 0, p);
                game.field(tmp, g2);
                System.arraycopy(w, 0, prev, 0, p);
                System.arraycopy(tmp, 0, w, 0, p);
                k.axpyInPlace(-nag.h(), g2, 0, w, 0, p);
            }
            case EG eg -> {
                k.xpayInto(w, 0, -eg.gamma(), g, 0, tmp, 0, p);
                game.field(tmp, g2);
                k.axpyInPlace(-eg.eta(), g2, 0, w, 0, p);
            }
            case OG og -> {
                k.axpyInPlace(-2 * og.eta(), g, 0, w, 0, p);
                k.axpyInPlace(og.eta(), gPrev, 0, w, 0, p);
                System.arraycopy(g, 0, gPrev, 0, p);
            }
            case MEG meg -> {
                k.xpayInto(w, 0, -meg.gamma(), g, 0, tmp, 0, p);
                game.field(tmp, g2);
                momentumUpdate(k, w, prev, tmp, g2, -meg.h(), meg.m(), p);
            }
            case CO co -> {
                game.vjp(w, g, g2);
                k.axpyInPlace(co.gamma(), g2, 0, g, 0, p);
                k.axpyInPlace(-co.eta(), g, 0, w, 0, p);
            }
            case ACO aco -> {
                game.vjp(w, g, g2);
                k.axpyInPlace(aco.gamma(), g2, 0, g, 0, p);
                momentumUpdate(k, w, prev, tmp, g, -aco.h(), aco.m(), p);
            }
            case SQHB sq -> {
                k.xpayInto(w, 0, -sq.gamma(), g, 0, tmp, 0, p);
                game.field(tmp, g2);
                // D = (g - g2)/γ, into g
                k.axpyInPlace(-1, g2, 0, g, 0, p);
                momentumUpdate(k, w, prev, tmp, g, sq.h() / sq.gamma(), sq.m(), p);
            }
        }
    }

    /** {@code w⁺ = w + a·dir + m(w - w⁻)}, then {@code w⁻ <- w}; {@code tmp} is scratch. */
    private static void momentumUpdate(DoubleKernels k, double[] w, double[] prev, double[] tmp, double[] dir,
                                       double a, double m, int p) {
        System.arraycopy(w, 0, tmp, 0, p);
        k.axpyInPlace(a, dir, 0, w, 0, p);
        k.axpyInPlace(m, tmp, 0, w, 0, p);
        k.axpyInPlace(-m, prev, 0, w, 0, p);
        System.arraycopy(tmp, 0, prev, 0, p);
    }

    private static double distance(double[] w, double[] wStar) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - wStar[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
