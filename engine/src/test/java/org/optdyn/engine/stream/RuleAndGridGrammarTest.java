package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text forms of {@link LearningRateRule#parse} and {@link TimeGrid#parse}, and {@link StepGrid#of}. */
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

    @Test
    void timeListsParseAndAreValidated() {
        assertThat(TimeGrid.parse("0, 0.5,2")).isEqualTo(TimeGrid.of(0, 0.5, 2));
        assertThat(TimeGrid.parse("1")).isEqualTo(TimeGrid.of(1));
        assertThatThrownBy(() -> TimeGrid.parse("0,2,1"))
                .hasMessageContaining("must increase strictly, got 2.0 then 1.0");
        assertThatThrownBy(() -> TimeGrid.parse("-1,2")).hasMessageContaining("must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> TimeGrid.parse("0,Infinity")).hasMessageContaining("got Infinity");
        assertThatThrownBy(() -> TimeGrid.of(0, 2, 1)).hasMessageContaining("times[2]");
        assertThatThrownBy(() -> TimeGrid.parse("0,,2")).hasMessageContaining("times value #2: a number is missing");
        assertThatThrownBy(() -> TimeGrid.parse(" ")).hasMessageContaining("numbers are missing");
    }

    @Test
    void decadesBelowStartsAtZeroAndEndsAtTmax() {
        var t = TimeGrid.decadesBelow(10, 5, 3).times();
        assertThat(t).containsExactly(0, 10 * Math.pow(10, -3), 10 * Math.pow(10, -2), 10 * Math.pow(10, -1), 10);
        assertThat(TimeGrid.decadesBelow(3, 2, 3).times()).containsExactly(0, 3);
        assertThatThrownBy(() -> TimeGrid.decadesBelow(0, 5, 3)).hasMessageStartingWith("tmax");
        assertThatThrownBy(() -> TimeGrid.decadesBelow(1, 1, 3)).hasMessageStartingWith("points");
    }

    @Test
    void stepGridOfATimeGridRoundsToTheNearestStepsAndAddsZero() {
        var steps = StepGrid.of(TimeGrid.of(0.3, 1, 1.0001), 10);
        assertThat(steps.steps()).containsExactly(0, 3, 10);
        assertThat(steps).usingRecursiveComparison().isEqualTo(StepGrid.atTimes(new double[] {0.3, 1, 1.0001}, 10));
    }
}
