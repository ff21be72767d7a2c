import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time generator of the float classes from the double classes (style.md rule 9: one precision is written by
 * hand, the other is generated, so the two cannot drift apart). Run by exec-maven-plugin in the
 * generate-sources / generate-test-sources phases of the engine as a JDK single-file program:
 *
 * <pre>java PrecisionGenerator.java &lt;sourceRoot&gt; &lt;outputRoot&gt; &lt;source&gt;[=&lt;target&gt;]...</pre>
 *
 * <p>A source whose file name contains {@code Double} ({@code kernel/DoubleKernels.java}) is written to the name with
 * {@code Float} in its place; any other source needs an explicit target ({@code optim/Adam.java=optim/FloatAdam.java}),
 * and then its simple class name is renamed ({@code Adam -> FloatAdam}) in every file of the same run. Each source is
 * rewritten line by line:
 * <ul>
 *   <li>code: {@code double/Double/DOUBLE} become {@code float/Float/FLOAT} inside every identifier (types, class
 *       names such as {@code DoubleVector} or {@code DoubleUpdateRule}, {@code DOUBLE_SPECIES}, {@code nextDouble},
 *       {@code Kernels.doubles()}); the explicitly mapped class names are renamed; decimal literals ({@code 1.0},
 *       {@code 1e-3}) get the {@code f} suffix; {@code Math.sqrt(} becomes {@code (float) Math.sqrt(} (the square
 *       root of a float computed in double and rounded once to float is the correctly rounded float square root,
 *       i.e. what a float lane-wise SQRT gives);</li>
 *   <li>comments: the precision words are swapped ({@code double <-> float}, so "on {@code double[]}, the
 *       {@code float[]} twin" reads "on {@code float[]}, the {@code double[]} twin"); inside {@code {@link ...}},
 *       {@code {@code ...}} and {@code <pre>{@code ...}</pre>} blocks the mapped class names are swapped as well
 *       ({@code {@link FloatAdam}} becomes {@code {@link Adam}}), elsewhere prose names such as "Adam" are kept;
 *       {@code {@literal ...}} spans are copied verbatim (for words that must not change: "kept in
 *       {@literal {@literal double}} in both precisions");</li>
 *   <li>a line ending in the comment {@code // float: <replacement>} is replaced by the replacement (for the rare
 *       line that has no mechanical translation);</li>
 *   <li>a line whose comment contains {@code double in both precisions} keeps its {@code double}s (scalar state
 *       such as an accumulator or a bias correction); only the class names are renamed;</li>
 *   <li>lines between {@code // double only: begin} and {@code // double only: end} are left out of the float file.
 *       The members declared there at the top level of the block (hyperparameter records, constants) are shared:
 *       the float class refers to them through the double class ({@code Config} becomes {@code Adam.Config}), and
 *       a qualified {@code Adam.Config} is not renamed anywhere.</li>
 * </ul>
 * The output is written to {@code outputRoot} under the target path, with a header saying it is generated. The
 * generator fails (exit 1) if a source is missing, if a block is unbalanced, or if a rewritten code line still
 * mentions {@code double}.
 */
public final class PrecisionGenerator {

    private static final Pattern LITERAL = Pattern.compile("(?<![\\w.])(\\d+\\.\\d*(?:[eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+)(?![\\w.])");
    private static final Pattern OVERRIDE = Pattern.compile("^(\\s*).*//\\s*float:\\s?(.*)$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PRECISION = Pattern.compile("double|Double|DOUBLE|float|Float|FLOAT");
    private static final Pattern DOC_SPAN = Pattern.compile("\\{@(?:link|linkplain|code)\\s[^}]*}");
    private static final Pattern LITERAL_SPAN = Pattern.compile("\\{@literal\\s[^}]*}");
    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:record|class|interface|enum)\\s+(\\w+)|\\bstatic\\s+final\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*=");
    private static final String KEEP = "double in both precisions";
    private static final String BLOCK_BEGIN = "// double only: begin";
    private static final String BLOCK_END = "// double only: end";

    /** Explicitly mapped class names, double name to float name. */
    private final Map<String, String> renames = new LinkedHashMap<>();
    /** Per double class: the members declared in its double-only blocks (shared with the float class). */
    private final Map<String, Set<String>> shared = new LinkedHashMap<>();

    private PrecisionGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java PrecisionGenerator.java <sourceRoot> <outputRoot> <source>[=<target>]...");
            System.exit(2);
        }
        Path sourceRoot = Path.of(args[0]);
        Path outputRoot = Path.of(args[1]);
        Map<String, String> files = new LinkedHashMap<>();
        var generator = new PrecisionGenerator();
        for (int k = 2; k < args.length; k++) {
            String[] parts = args[k].split("=", 2);
            String rel = parts[0];
            String target = parts.length == 2 ? parts[1] : rel.replace("Double", "Float");
            Path in = sourceRoot.resolve(rel);
            if (!Files.isRegularFile(in) || target.equals(rel)) {
                fail(in + " is not a double source file (or has no float target name)");
            }
            files.put(rel, target);
            String from = simpleName(rel);
            String to = simpleName(target);
            if (!from.replace("Double", "Float").equals(to)) {
                generator.renames.put(from, to);
            }
            generator.shared.put(from, sharedMembers(rel, Files.readAllLines(in, StandardCharsets.UTF_8)));
        }
        for (var e : files.entrySet()) {
            String rel = e.getKey();
            List<String> lines = Files.readAllLines(sourceRoot.resolve(rel), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            out.add("// GENERATED by engine/src/build/PrecisionGenerator.java from " + rel.replace('\\', '/')
                    + " -- do not edit; edit the double version.");
            out.addAll(generator.rewriteFile(rel, lines));
            Path target = outputRoot.resolve(e.getValue());
            Files.createDirectories(target.getParent());
            String text = String.join("\n", out) + "\n";
            if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                Files.writeString(target, text, StandardCharsets.UTF_8); // unchanged files keep their timestamp
            }
        }
    }

    private static void fail(String message) {
        System.err.println("PrecisionGenerator: " + message);
        System.exit(1);
    }

    private static String simpleName(String rel) {
        String name = Path.of(rel).getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    /** The members declared at the top level of the double-only blocks of a source. */
    private static Set<String> sharedMembers(String rel, List<String> lines) {
        Set<String> members = new HashSet<>();
        boolean inBlock = false;
        int depth = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith(BLOCK_BEGIN)) {
                if (inBlock) {
                    fail(rel + ": nested '" + BLOCK_BEGIN + "'");
                }
                inBlock = true;
                depth = 0;
            } else if (trimmed.startsWith(BLOCK_END)) {
                if (!inBlock || depth != 0) {
                    fail(rel + ": unbalanced '" + BLOCK_END + "'");
                }
                inBlock = false;
            } else if (inBlock) {
                boolean comment = trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//");
                if (depth == 0 && !comment) {
                    Matcher m = DECLARATION.matcher(line);
                    if (m.find()) {
                        members.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
                if (!comment) {
                    depth += count(line, '{') - count(line, '}');
                }
            }
        }
        if (inBlock) {
            fail(rel + ": '" + BLOCK_BEGIN + "' without '" + BLOCK_END + "'");
        }
        return members;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private List<String> rewriteFile(String rel, List<String> lines) {
        String self = simpleName(rel);
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        boolean preCode = false;
        boolean afterBlock = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith(BLOCK_BEGIN)) {
                skipping = true;
                continue;
            }
            if (trimmed.startsWith(BLOCK_END)) {
                skipping = false;
                afterBlock = true;
                continue;
            }
            if (skipping) {
                continue;
            }
            if (afterBlock && trimmed.isEmpty() && !out.isEmpty() && out.getLast().isBlank()) {
                afterBlock = false;
                continue; // the block sat between two blank lines: keep one
            }
            afterBlock = false;
            Matcher override = OVERRIDE.matcher(line);
            boolean comment = trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//");
            if (override.matches() && !(comment && override.group(2).isEmpty())) {
                out.add(override.group(1) + override.group(2).strip());
            } else if (!comment && line.contains(KEEP)) {
                out.add(renameCode(self, line, false));
            } else if (comment) {
                boolean startsPre = line.contains("<pre>{@code");
                out.add(rewriteComment(self, line, preCode || startsPre));
                if (startsPre) {
                    preCode = true;
                }
                if (line.contains("}</pre>")) {
                    preCode = false;
                }
            } else {
                String s = renameCode(self, line, true);
                s = s.replace("Math.sqrt(", "(float) Math.sqrt(");
                s = LITERAL.matcher(s).replaceAll("$1f");
                if (s.contains("double") || s.contains("Double")) {
                    fail(rel + ": untranslated line: " + s);
                }
                out.add(s);
            }
        }
        return out;
    }

    /** Code: class renames, shared-member qualification and (if {@code precision}) double to float. */
    private String renameCode(String self, String line, boolean precision) {
        Matcher m = IDENTIFIER.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(codeToken(self, line, m, precision)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String codeToken(String self, String line, Matcher m, boolean precision) {
        String w = m.group();
        if (renames.containsKey(w)) {
            return referencesShared(w, line, m.end()) ? w : renames.get(w);
        }
        if (shared.getOrDefault(self, Set.of()).contains(w) && !precededByDot(line, m.start())) {
            return self + "." + w;
        }
        if (precision && !referencesShared(w, line, m.end())) {
            return w.replace("double", "float").replace("Double", "Float").replace("DOUBLE", "FLOAT");
        }
        return w;
    }

    /** Comments: swap the precision words; inside doc spans (or a pre-code block) swap the class names too. */
    private String rewriteComment(String self, String line, boolean wholeLineIsCode) {
        boolean[] inSpan = new boolean[line.length() + 1];
        if (wholeLineIsCode) {
            java.util.Arrays.fill(inSpan, true);
        } else {
            Matcher span = DOC_SPAN.matcher(line);
            while (span.find()) {
                java.util.Arrays.fill(inSpan, span.start(), span.end(), true);
            }
        }
        boolean[] verbatim = new boolean[line.length() + 1];
        Matcher literal = LITERAL_SPAN.matcher(line);
        while (literal.find()) {
            java.util.Arrays.fill(verbatim, literal.start(), literal.end(), true);
        }
        Map<String, String> swap = new LinkedHashMap<>();
        renames.forEach((from, to) -> {
            swap.put(from, to);
            swap.put(to, from);
        });
        Matcher m = IDENTIFIER.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            String r;
            if (verbatim[m.start()]) {
                r = w;
            } else if (inSpan[m.start()] && swap.containsKey(w) && !referencesShared(w, line, m.end())) {
                r = swap.get(w);
            } else if (inSpan[m.start()] && shared.getOrDefault(self, Set.of()).contains(w)
                    && !precededByDot(line, m.start())) {
                r = self + "." + w;
            } else if (w.startsWith("floating") || w.startsWith("Floating")) {
                r = w;
            } else {
                r = PRECISION.matcher(w).replaceAll(p -> switch (p.group()) {
                    case "double" -> "float";
                    case "Double" -> "Float";
                    case "DOUBLE" -> "FLOAT";
                    case "float" -> "double";
                    case "Float" -> "Double";
                    default -> "DOUBLE";
                });
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether {@code Name} at {@code end} continues as {@code Name.Member} with a shared member of the class. */
    private boolean referencesShared(String name, String line, int end) {
        Set<String> members = shared.get(name);
        if (members == null || end >= line.length() || (line.charAt(end) != '.' && line.charAt(end) != '#')) {
            return false;
        }
        Matcher next = IDENTIFIER.matcher(line);
        return next.find(end + 1) && next.start() == end + 1 && members.contains(next.group());
    }

    private static boolean precededByDot(String line, int start) {
        return start > 0 && (line.charAt(start - 1) == '.' || line.charAt(start - 1) == '#');
    }
}
