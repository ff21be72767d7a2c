package org.optdyn.verification.cli;

import java.util.Locale;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.ModelKind;
import org.optdyn.theory.spectrum.SpectrumSpec;
import picocli.CommandLine;

/** picocli converters for the problem flags; a bad value becomes a one-line usage error (exit code 2). */
final class Converters {

    private Converters() {
    }

    /** {@code --spectrum}: the syntax of {@link SpectrumSpec#parse(String)}. */
    static final class Spectrum implements CommandLine.ITypeConverter<SpectrumSpec> {
        @Override
        public SpectrumSpec convert(String value) {
            try {
                return SpectrumSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --lr}. */
    static final class LearningRate implements CommandLine.ITypeConverter<LearningRateRule> {
        @Override
        public LearningRateRule convert(String value) {
            try {
                return LearningRateRule.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --model}: the names of {@link ModelKind#parse(String)}. */
    static final class Model implements CommandLine.ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            try {
                return ModelKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --solver} of {@code simulate}. */
    static final class SolverName implements CommandLine.ITypeConverter<Solver> {
        @Override
        public Solver convert(String value) {
            return Solver.parse(value);
        }
    }

    /** The {@code --solver} values: streaming SGD, or homogenized SGD (its SDE, sgd-ode.md §6). */
    enum Solver {
        SGD("sgd"), HSGD("hsgd");

        final String flag;

        Solver(String flag) {
            this.flag = flag;
        }

        static Solver parse(String s) {
            var t = s.strip().toLowerCase(Locale.ROOT);
            for (var m : values()) {
                if (m.flag.equals(t)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("unknown solver '" + s + "'; expected sgd or hsgd");
        }
    }
}
