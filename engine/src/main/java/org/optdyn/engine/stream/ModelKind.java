package org.optdyn.engine.stream;

import java.util.Locale;

/**
 * Which generalized linear model of sgd-ode.md §1.2 a problem uses, and its one name grammar. The simulator sees
 * a model as its {@link LabelModel} ({@link #labels(double)}); the theory sees the same model through its Gaussian
 * functionals ({@code org.optdyn.theory.ode.GlmModel.of(ModelKind)}).
 *
 * <table>
 *   <caption>names accepted by {@link #parse(String)} (case-insensitive, surrounding blanks ignored)</caption>
 *   <tr><td>{@code ls}, {@code least-squares}</td><td>{@link #LEAST_SQUARES}</td></tr>
 *   <tr><td>{@code logistic}, {@code lr}</td><td>{@link #LOGISTIC}</td></tr>
 *   <tr><td>{@code phase-retrieval}, {@code pr}</td><td>{@link #PHASE_RETRIEVAL}</td></tr>
 * </table>
 */
public enum ModelKind {

    /** Least squares, {@code f = (x - y - eps)^2 / 2}. */
    LEAST_SQUARES("ls", "least-squares"),
    /** Logistic regression with soft labels {@code sigma(y)}; no label noise (§9 item 3). */
    LOGISTIC("logistic", "lr"),
    /** Phase retrieval, {@code f = (x^2 - y^2 - eps)^2 / 2}. */
    PHASE_RETRIEVAL("phase-retrieval", "pr");

    private final String id;
    private final String alias;

    ModelKind(String id, String alias) {
        this.id = id;
        this.alias = alias;
    }

    /** @return the canonical name: {@code ls}, {@code logistic} or {@code phase-retrieval} */
    public String id() {
        return id;
    }

    /** @return whether the model admits label noise {@code omega > 0} (all but logistic regression) */
    public boolean supportsNoise() {
        return this != LOGISTIC;
    }

    /**
     * The simulator's view of the model.
     *
     * @param noiseSd label-noise standard deviation {@code omega >= 0}; must be 0 unless {@link #supportsNoise()}
     */
    public LabelModel labels(double noiseSd) {
        return switch (this) {
            case LEAST_SQUARES -> new LabelModel.LeastSquares(noiseSd);
            case LOGISTIC -> {
                if (noiseSd != 0) {
                    throw new IllegalArgumentException("logistic regression takes no label noise, got " + noiseSd);
                }
                yield new LabelModel.Logistic();
            }
            case PHASE_RETRIEVAL -> new LabelModel.PhaseRetrieval(noiseSd);
        };
    }

    /**
     * Parses a model name (see the class table).
     *
     * @throws IllegalArgumentException naming the unknown value and the accepted names
     */
    public static ModelKind parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("model name must be non-null");
        }
        var t = name.strip().toLowerCase(Locale.ROOT);
        for (var m : values()) {
            if (m.id.equals(t) || m.alias.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected ls, logistic or phase-retrieval");
    }
}
