package org.optdyn.verification.report;

/** HTML text escaping. */
final class Html {

    private Html() {
    }

    /** @return {@code s} with {@code & < > " '} escaped, safe in element content and quoted attributes */
    static String esc(String s) {
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
