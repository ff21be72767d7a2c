package org.optdyn.engine.rotation;

import java.util.Locale;

/** What a rotation mixes (adam-rotation.md §3, the paper's §3.1 scopes). */
public enum Scope {
    /** Nothing: the identity. */
    NONE,
    /** The whole parameter vector, vectors (biases, gains) included. */
    GLOBAL,
    /** Each weight matrix's flattened entries; vector parameters are left unrotated. */
    LAYER,
    /** Each output neuron's incoming weights (each row {@code W_i,:}); vector parameters are left unrotated. */
    OUTPUT,
    /** Each input's outgoing weights (each column {@code W_:,j}); vector parameters are left unrotated. */
    INPUT;

    /**
     * Parses {@code none}, {@code global}, {@code layer} (or {@code layer-wise}), {@code output} ({@code output-wise}),
     * {@code input} ({@code input-wise}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Scope parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT).replace("-wise", "");
        return switch (s) {
            case "none" -> NONE;
            case "global" -> GLOBAL;
            case "layer" -> LAYER;
            case "output" -> OUTPUT;
            case "input" -> INPUT;
            default -> throw new IllegalArgumentException("scope must be none, global, layer, output or input, got '"
                    + spec + "'");
        };
    }
}
