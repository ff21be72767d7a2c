package org.optdyn.theory.ode;

import org.optdyn.engine.outcome.Outcome;

/**
 * Integration options for {@link HighLineOde}.
 *
 * <p>Error control: Hipparchus' adaptive Dormand–Prince 8(5,3) keeps each component's local error estimate below
 * {@code absoluteTolerance + relativeTolerance·|y_i|}. sgd-ode.md §2.10: relative tolerance ≤ 10⁻⁹ reproduces every
 * number of §7 to the digits shown. The absolute tolerance defaults to {@code relativeTolerance × 10⁻¹² × scale}
 * (scale = the initial Σ_j (p_j + |c_j| + s_j)), i.e. essentially relative control, so exponentially decaying
 * residuals (noiseless least squares) stay resolved down to ~10⁻¹² of their initial size (§2.10).
 *
 * @param relativeTolerance   rtol ∈ [1e-14, 1e-2]
 * @param absoluteTolerance   atol &gt; 0, or NaN for the default above
 * @param divergenceFactor    stop with {@link Outcome.Diverged} once the risk exceeds this multiple of R(0)
 *                            (sgd-ode.md §8 item 8: 10⁶)
 * @param groupRecording      whether to record p_j(t), c_j(t) per grid time (memory 2 × J × grid size doubles);
 *                            {@link GroupRecording#AUTO} records them iff J × grid size ≤ {@value #AUTO_RECORD_LIMIT}
 * @param generalForm         integrate least squares with the general (p, c) system of §2.4 instead of the closed
 *                            residual form of §3.1 (for cross-checks, N14; the residual form avoids the
 *                            cancellation in r = p − 2c + s)
 */
public record OdeOptions(double relativeTolerance, double absoluteTolerance, double divergenceFactor,
                         GroupRecording groupRecording, boolean generalForm) {

    /** Whether per-group overlaps are recorded. */
    public enum GroupRecording {
        /** Record iff J × grid size ≤ {@value OdeOptions#AUTO_RECORD_LIMIT} (so d = 10⁶ power laws stay lean). */
        AUTO,
        /** Always record. */
        ALWAYS,
        /** Never record (curves only). */
        NEVER
    }

    /** Largest J × grid size recorded under {@link GroupRecording#AUTO} (80 MB per array). */
    public static final long AUTO_RECORD_LIMIT = 10_000_000L;

    /** Default relative tolerance 10⁻¹⁰ (below the 10⁻⁹ of sgd-ode.md §2.10). */
    public static final double DEFAULT_RTOL = 1e-10;

    /** Validates. */
    public OdeOptions {
        if (!(relativeTolerance >= 1e-14 && relativeTolerance <= 1e-2)) {
            throw new IllegalArgumentException("relativeTolerance must be in [1e-14, 1e-2], got " + relativeTolerance);
        }
        if (!Double.isNaN(absoluteTolerance) && !(absoluteTolerance > 0 && Double.isFinite(absoluteTolerance))) {
            throw new IllegalArgumentException("absoluteTolerance must be > 0 or NaN (auto), got " + absoluteTolerance);
        }
        if (groupRecording == null) {
            throw new IllegalArgumentException("groupRecording must be non-null");
        }
        if (!(divergenceFactor > 1) || Double.isNaN(divergenceFactor)) {
            throw new IllegalArgumentException("divergenceFactor must be > 1, got " + divergenceFactor);
        }
    }

    /** rtol 10⁻¹⁰, automatic atol, divergence at 10⁶ R(0), group overlaps AUTO, residual form for LS. */
    public static OdeOptions defaults() {
        return new OdeOptions(DEFAULT_RTOL, Double.NaN, 1e6, GroupRecording.AUTO, false);
    }

    /** Whether group overlaps are recorded for J groups and a grid of the given size. */
    public boolean recordsGroups(int groups, int gridSize) {
        return switch (groupRecording) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> (long) groups * gridSize <= AUTO_RECORD_LIMIT;
        };
    }

    /** Copy with another relative tolerance. */
    public OdeOptions withRelativeTolerance(double rtol) {
        return new OdeOptions(rtol, absoluteTolerance, divergenceFactor, groupRecording, generalForm);
    }

    /** Copy with another absolute tolerance (NaN = automatic). */
    public OdeOptions withAbsoluteTolerance(double atol) {
        return new OdeOptions(relativeTolerance, atol, divergenceFactor, groupRecording, generalForm);
    }

    /** Copy with group-overlap recording forced on ({@code ALWAYS}) or off ({@code NEVER}). */
    public OdeOptions withGroupOverlaps(boolean record) {
        return new OdeOptions(relativeTolerance, absoluteTolerance, divergenceFactor,
                record ? GroupRecording.ALWAYS : GroupRecording.NEVER, generalForm);
    }

    /** Copy with the general (p, c) form forced on or off for least squares. */
    public OdeOptions withGeneralForm(boolean general) {
        return new OdeOptions(relativeTolerance, absoluteTolerance, divergenceFactor, groupRecording, general);
    }

    /** Copy with another divergence factor. */
    public OdeOptions withDivergenceFactor(double factor) {
        return new OdeOptions(relativeTolerance, absoluteTolerance, factor, groupRecording, generalForm);
    }
}
