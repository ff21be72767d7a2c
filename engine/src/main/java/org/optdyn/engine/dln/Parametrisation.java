package org.optdyn.engine.dln;

/**
 * How the predictor is built from the trained parameters (diagonal-networks.md §1). SGD on {@link #SQUARES} with step
 * {@code gamma} is exactly SGD on {@link #PRODUCT} with step {@code 2 gamma}, through
 * {@code (u, v) = (w+ + w-, w+ - w-)} (check N9).
 */
public enum Parametrisation {
    /** {@code theta = u (.) v}. */
    PRODUCT,
    /** {@code theta = w+ (.) w+ - w- (.) w-}. */
    SQUARES;

    /**
     * Parses {@code uv} (or {@code product}) and {@code w} (or {@code squares}).
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static Parametrisation parse(String spec) {
        return switch (spec == null ? "" : spec.trim()) {
            case "uv", "product" -> PRODUCT;
            case "w", "squares" -> SQUARES;
            default -> throw new IllegalArgumentException("parametrisation must be uv (theta = u v) or w (theta = "
                    + "w+^2 - w-^2), got '" + spec + "'");
        };
    }
}
