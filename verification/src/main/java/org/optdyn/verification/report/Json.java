package org.optdyn.verification.report;

import java.util.Collection;
import java.util.Map;

/**
 * Serializes maps, lists, strings, numbers, booleans and null to JSON (RFC 8259). Doubles are written with
 * {@link Double#toString(double)}, which round-trips exactly; NaN and infinities, which JSON cannot express,
 * become {@code null}.
 */
final class Json {

    private Json() {
    }

    /** @return {@code value} as indented JSON text */
    static String write(Object value) {
        var sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
            case Float f -> write(sb, f.doubleValue(), indent);
            case Number n -> sb.append(n);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                var first = true;
                for (var e : m.entrySet()) {
                    if (!first) {
                        sb.append(",\n");
                    }
                    first = false;
                    pad(sb, indent + 1);
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 1);
                }
                sb.append('\n');
                pad(sb, indent);
                sb.append('}');
            }
            case Collection<?> c -> {
                if (c.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append("[\n");
                var first = true;
                for (var e : c) {
                    if (!first) {
                        sb.append(",\n");
                    }
                    first = false;
                    pad(sb, indent + 1);
                    write(sb, e, indent + 1);
                }
                sb.append('\n');
                pad(sb, indent);
                sb.append(']');
            }
            default -> string(sb, value.toString());
        }
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.repeat("  ", indent);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
