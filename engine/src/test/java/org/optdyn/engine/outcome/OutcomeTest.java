package org.optdyn.engine.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void completedGivesItsResult() {
        Outcome<String> done = new Outcome.Completed<>("curves");
        assertThat(done.completed()).isTrue();
        assertThat(done.value()).isEqualTo("curves");
        assertThat(done.orElseThrow()).isEqualTo("curves");
    }

    @Test
    void divergedThrowsWithItsStepTimeAndReasonButKeepsThePartialValue() {
        Outcome<String> blown = new Outcome.Diverged<>(78, 0.5, "risk exceeded 1e6", "before");
        assertThat(blown.completed()).isFalse();
        assertThat(blown.value()).isEqualTo("before");
        assertThatThrownBy(blown::orElseThrow).isInstanceOf(IllegalStateException.class)
                .hasMessage("diverged at step 78 (t = 0.5): risk exceeded 1e6");
    }

    @Test
    void aDiscreteSolverHasNoTime() {
        var blown = new Outcome.Diverged<>(10, "non-finite", "before");
        assertThat(blown.time()).isNaN();
        assertThat(blown).isEqualTo(new Outcome.Diverged<>(10, Double.NaN, "non-finite", "before"));
        assertThatThrownBy(blown::orElseThrow).hasMessage("diverged at step 10: non-finite");
    }

    @Test
    void mapTransformsTheValueAndKeepsTheKindStepTimeAndReason() {
        assertThat(new Outcome.Completed<>("abc").map(String::length)).isEqualTo(new Outcome.Completed<>(3));
        assertThat(new Outcome.Diverged<>(7, 0.25, "why", "ab").map(String::length))
                .isEqualTo(new Outcome.Diverged<>(7, 0.25, "why", 2));
    }

    @Test
    void theReasonAndTheValueAreRequired() {
        assertThatThrownBy(() -> new Outcome.Diverged<>(1, 0.0, null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
        assertThatThrownBy(() -> new Outcome.Completed<>(null)).isInstanceOf(NullPointerException.class);
    }
}
