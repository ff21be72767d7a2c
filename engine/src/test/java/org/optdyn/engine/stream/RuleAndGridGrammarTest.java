package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text form of {@link LearningRateRule#parse}. */
class RuleAndGridGrammarTest {

    @Test
    void everyFormOfTheGrammarParses() {
        assertThat(LearningRateRule.parse("const:0.5")).isEqualTo(new LearningRateRule.Constant(0.5));
        assertThat(LearningRateRule.parse(" Constant: 2 ")).isEqualTo(new LearningRateRule.Constant(2));
        assertThat(LearningRateRule.parse("adagrad-norm:1, 0.3")).isEqualTo(new LearningRateRule.AdaGradNorm(1, 0.3));
        assertThat(LearningRateRule.parse("ADAGRAD:2,4")).isEqualTo(new LearningRateRule.AdaGradNorm(2, 4));
        assertThat(LearningRateRule.parse("line-search")).isEqualTo(new LearningRateRule.ExactLineSearch());
        assertThat(LearningRateRule.parse("Polyak")).isEqualTo(new LearningRateRule.Polyak());
        assertThat(new LearningRateRule.AdaGradNorm(2, 4).initialRate()).isEqualTo(0.5);
        assertThat(new LearningRateRule.Schedule(t -> t).description()).isEqualTo("schedule");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "const:-1            | const GAMMA must be finite and > 0, got -1.0",
        "const:0             | const GAMMA must be finite and > 0, got 0.0",
        "const:NaN           | const GAMMA must be finite and > 0, got NaN",
        "const               | const GAMMA: a number is missing",
        "const:x             | const GAMMA: not a number: 'x'",
        "adagrad-norm:1,0    | adagrad-norm B must be finite and > 0, got 0.0",
        "adagrad-norm:0,1    | adagrad-norm ETA must be finite and > 0, got 0.0",
        "adagrad-norm:1      | adagrad-norm needs ETA,B, got '1'",
        "adagrad-norm:1,,2   | adagrad-norm value #2: a number is missing",
        "polyak:2            | 'polyak' takes no argument, got 'polyak:2'",
        "sgd:1               | unknown learning rate 'sgd:1'",
        "'  '                | learning rate must be non-empty"})
    void badRulesAreRejectedNamingTheBadPart(String spec, String message) {
        assertThatThrownBy(() -> LearningRateRule.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
