package org.optdyn.games;

/**
 * Per-step record of a solver run: {@code distance[t] = ‖w_t - w*‖} and {@code fieldNorm[t] = ‖F(w_t)‖} for
 * {@code t = 0..steps}.
 *
 * @param distance  distances to the equilibrium
 * @param fieldNorm norms of the vector field
 */
public record Trajectory(double[] distance, double[] fieldNorm) {

    public Trajectory {
        if (distance.length != fieldNorm.length) {
            throw new IllegalArgumentException("distance.length = " + distance.length + " but fieldNorm.length = "
                    + fieldNorm.length);
        }
        distance = distance.clone();
        fieldNorm = fieldNorm.clone();
    }

    @Override
    public double[] distance() {
        return distance.clone();
    }

    @Override
    public double[] fieldNorm() {
        return fieldNorm.clone();
    }

    /** @return the number of recorded iterates minus one. */
    public int steps() {
        return distance.length - 1;
    }
}
