package org.optdyn.verification.report;

import java.util.Locale;

/** Number formatting for people (tables, HTML); files for programs use {@link Double#toString(double)}. */
public final class Fmt {

    private Fmt() {
    }

    /** @return {@code v} with 4 significant digits, e.g. {@code 0.01234}, {@code 1.234e-05}, {@code NaN} */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            var s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains(".") && !s.contains("e")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** @return seconds with one decimal, e.g. {@code 12.3 s} */
    public static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
