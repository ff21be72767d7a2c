package org.optdyn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs (or reads the CSV of) {@link DoubleKernelsBench}, {@code FloatKernelsBench} and the two triad benchmarks and
 * prints one table: per kernel, precision and size, the scalar and SIMD time per call, the speedup, the SIMD kernel's effective
 * bandwidth ({@code bytes moved per element * n / time}) and that bandwidth as a fraction of the same-run STREAM
 * triad bandwidth at the same size and precision, followed by the three targets of issue 2.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.optdyn.bench.KernelReport [JMH options]} runs the benchmarks through
 * the JMH API and reports, per benchmark, the <em>best</em> (smallest) measurement-iteration average: on a shared,
 * busy machine other processes only ever add time, so the minimum over iterations estimates what the kernel itself
 * costs far more stably than the mean (the lead's quiet-machine rerun makes the two nearly equal; the JMH CSV with
 * means is written too when {@code -rf csv -rff FILE} is passed). {@code KernelReport --csv FILE} formats an existing
 * JMH CSV (means) instead.
 */
public final class KernelReport {

    private KernelReport() {
    }

    /** Words (array elements) moved per element by each benchmark: reads + writes, STREAM counting. */
    static int wordsPerElement(String kernel) {
        return switch (kernel) {
            case "dot" -> 2;           // read x, y
            case "axpy", "extragradient", "triad" -> 3; // read 2 arrays, write 1
            case "momentum" -> 5;      // read x, v, g; write x, v
            case "adam" -> 7;          // read x, m, v, g; write x, m, v
            default -> throw new IllegalArgumentException("unknown kernel " + kernel);
        };
    }

    private record Key(String kernel, String precision, int n) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(order(kernel), order(o.kernel));
            if (c == 0) {
                c = precision.compareTo(o.precision);
            }
            return c != 0 ? c : Integer.compare(n, o.n);
        }

        private static int order(String k) {
            return List.of("triad", "dot", "axpy", "extragradient", "momentum", "adam").indexOf(k);
        }
    }

    public static void main(String[] args) throws IOException, RunnerException, CommandLineOptionException {
        if (args.length == 2 && args[0].equals("--csv")) {
            System.out.println(format(fromCsv(Path.of(args[1])), "JMH mean over measurement iterations"));
            return;
        }
        Options options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(options).run();
        Map<Key, double[]> rows = new TreeMap<>();
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String bench = p.getBenchmark();
            double best = Double.POSITIVE_INFINITY;
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult it : b.getIterationResults()) {
                    best = Math.min(best, it.getPrimaryResult().getScore());
                }
            }
            if (!p.getTimeUnit().equals(TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("expected ns/op from " + bench);
            }
            put(rows, bench, p.getParam("impl"), Integer.parseInt(p.getParam("n")), best);
        }
        System.out.println(format(rows, "best measurement iteration (see KernelReport javadoc)"));
    }

    private static void put(Map<Key, double[]> rows, String bench, String impl, int n, double score) {
        String cls = bench.substring(0, bench.lastIndexOf('.'));
        String kernel = bench.substring(bench.lastIndexOf('.') + 1);
        String precision = cls.contains("Float") ? "float" : "double";
        double[] r = rows.computeIfAbsent(new Key(kernel, precision, n), k -> new double[] {Double.NaN, Double.NaN});
        r[kernel.equals("triad") || "simd".equals(impl) ? 1 : 0] = score;
    }

    static Map<Key, double[]> fromCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = parse(lines.get(0));
        int benchCol = header.indexOf("Benchmark");
        int scoreCol = header.indexOf("Score");
        int unitCol = header.indexOf("Unit");
        int implCol = header.indexOf("Param: impl");
        int nCol = header.indexOf("Param: n");
        Map<Key, double[]> rows = new TreeMap<>(); // [scalar ns, SIMD or triad ns]
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = parse(line);
            if (!f.get(unitCol).equals("ns/op")) {
                throw new IllegalStateException("expected ns/op, got " + f.get(unitCol));
            }
            put(rows, f.get(benchCol), implCol < 0 ? null : f.get(implCol), Integer.parseInt(f.get(nCol)),
                    Double.parseDouble(f.get(scoreCol)));
        }
        return rows;
    }

    static String format(Map<Key, double[]> rows, String statistic) {
        StringBuilder sb = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-14s %-6s %9s %5s %14s %14s %8s %8s %9s", "kernel", "prec", "n",
                "B/el", "scalar ns/op", "SIMD ns/op", "speedup", "GB/s", "/triad");
        sb.append(head).append('\n').append("-".repeat(head.length())).append('\n');
        List<String> targets = new ArrayList<>();
        int slower = 0;
        for (var e : rows.entrySet()) {
            Key k = e.getKey();
            double scalar = e.getValue()[0];
            double simd = e.getValue()[1];
            int bytes = wordsPerElement(k.kernel) * (k.precision.equals("float") ? 4 : 8);
            double gbs = bytes * (double) k.n / simd; // bytes per ns = GB/s
            double[] triad = rows.get(new Key("triad", k.precision, k.n));
            double triadGbs = triad == null ? Double.NaN
                    : wordsPerElement("triad") * (k.precision.equals("float") ? 4 : 8) * (double) k.n / triad[1];
            double speedup = scalar / simd;
            boolean isTriad = k.kernel.equals("triad");
            sb.append(String.format(Locale.ROOT, "%-14s %-6s %9d %5d %14s %14.1f %8s %8.2f %9.2f%n", k.kernel,
                    k.precision, k.n, bytes, isTriad ? "-" : String.format(Locale.ROOT, "%.1f", scalar), simd,
                    isTriad ? "-" : String.format(Locale.ROOT, "%.2f", speedup), gbs, gbs / triadGbs));
            if (!isTriad && speedup < 1.0) {
                slower++;
                targets.add(String.format(Locale.ROOT, "  SIMD slower than scalar: %s %s n=%d (%.2fx)", k.kernel,
                        k.precision, k.n, speedup));
            }
            if (k.kernel.equals("dot") && k.precision.equals("double") && k.n >= 9000 && k.n <= 11000) {
                targets.add(String.format(Locale.ROOT, "  dot double n=%d: SIMD %.2fx scalar (target >= 3x): %s",
                        k.n, speedup, speedup >= 3 ? "MET" : "MISSED"));
            }
            if (k.kernel.equals("adam") && k.precision.equals("double") && k.n >= 9_000_000) {
                double frac = gbs / triadGbs;
                targets.add(String.format(Locale.ROOT,
                        "  adam double n=%d: %.0f%% of the triad bandwidth bound (target >= 80%%): %s", k.n,
                        100 * frac, frac >= 0.8 ? "MET" : "MISSED"));
            }
        }
        sb.append("-".repeat(head.length())).append('\n');
        sb.append("time = ").append(statistic).append('\n');
        sb.append("B/el = bytes moved per element (STREAM counting: reads + writes, no write-allocate); GB/s = SIMD\n")
                .append("B/el * n / time; /triad = that over the same-run triad GB/s at the same n and precision.\n");
        sb.append("targets:\n");
        targets.forEach(t -> sb.append(t).append('\n'));
        sb.append(String.format(Locale.ROOT, "  kernels slower than their scalar twin: %d%n", slower));
        return sb.toString();
    }

    /** Minimal CSV field splitter for JMH's output (fields quoted, no embedded quotes). */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
