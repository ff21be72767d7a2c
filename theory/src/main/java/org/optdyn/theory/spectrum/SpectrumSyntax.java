package org.optdyn.theory.spectrum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexical rules of {@link SpectrumSpec#parse(String)}: numbers, comma lists, {@code V*N} tokens and spectrum
 * files, each error a one-line {@link IllegalArgumentException} naming the bad part.
 */
final class SpectrumSyntax {

    /** One listed token: {@code value} standing for {@code count} coordinates ({@code V*N}; N = 1 for a bare V). */
    private record Token(double value, long count) {
    }

    private SpectrumSyntax() {
    }

    /** @return the single number in {@code text} */
    static double number(String what, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + ": a number is missing");
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": malformed number '" + text.strip() + "'");
        }
    }

    /** @return the comma-separated numbers in {@code text}; no value may be empty */
    static double[] numbers(String what, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + ": numbers are missing (comma-separated)");
        }
        var parts = text.split(",", -1);
        var v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = number(what + " value #" + (i + 1), parts[i]);
        }
        return v;
    }

    /** {@code list:} values: comma-separated parts, each one or more blank-separated tokens V or V*N. */
    static SpectrumSpec.Listed listed(String origin, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(origin + ": numbers are missing (comma-separated)");
        }
        var tokens = new ArrayList<Token>();
        for (var part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException(origin + " value #" + (tokens.size() + 1) + ": a number is missing");
            }
            for (var tok : part.strip().split("\\s+")) {
                tokens.add(token(origin + " value #" + (tokens.size() + 1), tok));
            }
        }
        return listed(origin, tokens);
    }

    /** {@code file:} values: tokens V or V*N separated by commas, blanks or line breaks; {@code #} comments. */
    static SpectrumSpec.Listed file(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
        }
        var tokens = new ArrayList<Token>();
        var lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            var line = lines[n];
            int hash = line.indexOf('#');
            for (var tok : (hash >= 0 ? line.substring(0, hash) : line).split("[,\\s]+")) {
                if (!tok.isBlank()) {
                    tokens.add(token(path + " line " + (n + 1), tok));
                }
            }
        }
        return listed("file " + path, tokens);
    }

    private static SpectrumSpec.Listed listed(String origin, List<Token> tokens) {
        return new SpectrumSpec.Listed(origin, tokens.stream().mapToDouble(Token::value).toArray(),
                tokens.stream().mapToLong(Token::count).toArray());
    }

    /** @return the token V or V*N */
    private static Token token(String what, String tok) {
        int star = tok.indexOf('*');
        var value = star < 0 ? tok : tok.substring(0, star);
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + value + "'");
        }
        if (star < 0) {
            return new Token(v, 1);
        }
        try {
            return new Token(v, Long.parseLong(tok.substring(star + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": the count in '" + tok + "' is not an integer");
        }
    }
}
