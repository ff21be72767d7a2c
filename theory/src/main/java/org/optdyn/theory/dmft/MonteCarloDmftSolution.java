package org.optdyn.theory.dmft;

/**
 * A Monte-Carlo DMFT solution ({@link MonteCarloDmft}) with the standard error of every sampled observable, per step
 * (arrays of the length of the solution's).
 *
 * <p>For one sweep ({@link MonteCarloDmft#solve}) only {@code trainLossSe} is estimable: it is the per-path standard
 * deviation of {@code l(r^t; y)} over {@code sqrt(M)}, the error of the path average <em>at fixed kernels</em>, which
 * leaves out the noise of the kernels of earlier steps (on the SGD base case of dmft.md §6 it was 11% below the
 * between-sweep sd at t = 1 and 20% below at t = 20, measured over 60 sweeps of {@code 10^5} paths); the
 * other three arrays are NaN, because {@code m}, {@code q} and the test loss are exact functions of the sampled
 * kernels and one sweep carries no independent copy of them. For {@code R} independent sweeps
 * ({@link MonteCarloDmft#solveReplicated}) the solution is the mean over the replicates and every array is the
 * between-replicate standard error {@code sd / sqrt(R)}, which includes the kernels' own sampling noise.
 *
 * @param solution    the (mean) solution: {@code m}, {@code q}, training loss and test loss (for the logistic loss the
 *                    classification test error) per step; its kernels are those of the first replicate
 * @param mSe         standard error of {@code m(t)}
 * @param qSe         standard error of {@code q(t)}
 * @param trainLossSe standard error of the training loss
 * @param testLossSe  standard error of the test loss (or error)
 * @param samples     paths per sweep {@code M}
 * @param replicates  independent sweeps {@code R} (1 for a single sweep)
 */
public record MonteCarloDmftSolution(DmftSolution solution, double[] mSe, double[] qSe, double[] trainLossSe,
                                     double[] testLossSe, int samples, int replicates) {

    /** @return the number of recorded steps ({@code T + 1} when complete) */
    public int size() {
        return solution.size();
    }
}
