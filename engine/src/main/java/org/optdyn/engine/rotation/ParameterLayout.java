package org.optdyn.engine.rotation;

import java.util.List;
import java.util.Objects;

/**
 * How a model's parameters lie in one flat {@code double[]}: a sequence of tensors stored one after the other, each
 * matrix row-major in the (out, in) layout of adam-rotation.md §3 ({@code rows} outputs, {@code cols} inputs).
 *
 * @param tensors the tensors, in storage order
 */
public record ParameterLayout(List<Tensor> tensors) {

    /** One parameter tensor. */
    public sealed interface Tensor permits Matrix, Vector {
        /** @return its name (for messages and reports) */
        String name();

        /** @return its number of entries */
        int size();
    }

    /**
     * A weight matrix {@code W} (rows = outputs, cols = inputs), row-major.
     *
     * @param name its name
     * @param rows {@code >= 1}
     * @param cols {@code >= 1}
     */
    public record Matrix(String name, int rows, int cols) implements Tensor {
        public Matrix {
            Objects.requireNonNull(name, "name");
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("matrix " + name + " needs rows, cols >= 1, got " + rows + " x " + cols);
            }
            Math.multiplyExact(rows, cols);
        }

        @Override
        public int size() {
            return rows * cols;
        }
    }

    /**
     * A vector parameter (bias, gain).
     *
     * @param name   its name
     * @param length {@code >= 1}
     */
    public record Vector(String name, int length) implements Tensor {
        public Vector {
            Objects.requireNonNull(name, "name");
            if (length < 1) {
                throw new IllegalArgumentException("vector " + name + " needs length >= 1, got " + length);
            }
        }

        @Override
        public int size() {
            return length;
        }
    }

    public ParameterLayout {
        tensors = List.copyOf(Objects.requireNonNull(tensors, "tensors"));
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one tensor");
        }
        long total = 0;
        for (Tensor t : tensors) {
            total += t.size();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("layout of " + total + " parameters does not fit one double[]");
        }
    }

    /** @return a layout of the given tensors, in storage order */
    public static ParameterLayout of(Tensor... tensors) {
        return new ParameterLayout(List.of(tensors));
    }

    /** @return the total number of parameters {@code D} */
    public int size() {
        int s = 0;
        for (Tensor t : tensors) {
            s += t.size();
        }
        return s;
    }

    /** @return the index of the first entry of tensor {@code i} */
    public int offset(int i) {
        int s = 0;
        for (int j = 0; j < i; j++) {
            s += tensors.get(j).size();
        }
        return s;
    }
}
