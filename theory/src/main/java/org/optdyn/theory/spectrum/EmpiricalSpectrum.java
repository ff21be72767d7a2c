package org.optdyn.theory.spectrum;

import java.util.Arrays;

/**
 * An empirical (weighted discrete) spectrum {@code mu = sum_i w_i delta_{lambda_i}} with {@code sum w_i = 1}
 * (docs/theory/average-case.md, section 3.4). Every expected-error identity holds exactly with finite sums; the
 * quadrature is the measure itself (the {@code nodes} argument of {@link #quadrature} is ignored).
 */
public final class EmpiricalSpectrum implements SpectralDistribution {

    private final double[] atoms;
    private final double[] masses;
    private final double[] cumulative;

    private EmpiricalSpectrum(double[] atoms, double[] masses) {
        if (atoms.length == 0 || atoms.length != masses.length) {
            throw new IllegalArgumentException("need equally many (>= 1) atoms and masses, got " + atoms.length
                    + " and " + masses.length);
        }
        Integer[] order = new Integer[atoms.length];
        for (int i = 0; i < order.length; i++) {
            if (!(atoms[i] >= 0.0) || !Double.isFinite(atoms[i])) {
                throw new IllegalArgumentException("atoms[" + i + "] must be finite and >= 0, got " + atoms[i]);
            }
            if (!(masses[i] >= 0.0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("masses[" + i + "] must be finite and >= 0, got " + masses[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(atoms[a], atoms[b]));
        double total = Arrays.stream(masses).sum();
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("masses must have a positive sum, got " + total);
        }
        this.atoms = new double[atoms.length];
        this.masses = new double[atoms.length];
        this.cumulative = new double[atoms.length];
        double c = 0.0;
        for (int i = 0; i < order.length; i++) {
            this.atoms[i] = atoms[order[i]];
            this.masses[i] = masses[order[i]] / total;
            c += this.masses[i];
            this.cumulative[i] = c;
        }
    }

    /** @return the uniform measure {@code (1/N) sum delta_{lambda_i}} on the given eigenvalues. */
    public static EmpiricalSpectrum of(double... eigenvalues) {
        double[] w = new double[eigenvalues.length];
        Arrays.fill(w, 1.0);
        return new EmpiricalSpectrum(eigenvalues.clone(), w);
    }

    /** @return the weighted measure (masses normalized to sum 1). */
    public static EmpiricalSpectrum weighted(double[] atoms, double[] masses) {
        return new EmpiricalSpectrum(atoms.clone(), masses.clone());
    }

    /** @return the atoms, ascending (a copy). */
    public double[] atoms() {
        return atoms.clone();
    }

    @Override
    public double lowerEdge() {
        return atoms[0];
    }

    @Override
    public double upperEdge() {
        return atoms[atoms.length - 1];
    }

    @Override
    public double atomAtZero() {
        double m = 0.0;
        for (int i = 0; i < atoms.length && atoms[i] == 0.0; i++) {
            m += masses[i];
        }
        return m;
    }

    /** @return 0: an empirical spectrum has no absolutely continuous part. */
    @Override
    public double density(double lambda) {
        return 0.0;
    }

    @Override
    public double cdf(double lambda) {
        double c = 0.0;
        for (int i = 0; i < atoms.length && atoms[i] <= lambda; i++) {
            c = cumulative[i];
        }
        return c;
    }

    @Override
    public double quantile(double p) {
        SpectralDistribution.checkProbability(p);
        for (int i = 0; i < atoms.length; i++) {
            if (cumulative[i] >= p - 1e-15) {
                return atoms[i];
            }
        }
        return atoms[atoms.length - 1];
    }

    @Override
    public double moment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        double s = 0.0;
        for (int i = 0; i < atoms.length; i++) {
            s += masses[i] * Math.pow(atoms[i], k);
        }
        return s;
    }

    @Override
    public SpectralQuadrature quadrature(int nodes) {
        return new SpectralQuadrature(atoms, masses);
    }
}
