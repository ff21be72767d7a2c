package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one model-name grammar and the simulator's view of each model. */
class ModelKindTest {

    @Test
    void everyNameAndAliasParsesCaseInsensitively() {
        assertThat(ModelKind.parse("ls")).isEqualTo(ModelKind.LEAST_SQUARES);
        assertThat(ModelKind.parse(" Least-Squares ")).isEqualTo(ModelKind.LEAST_SQUARES);
        assertThat(ModelKind.parse("LOGISTIC")).isEqualTo(ModelKind.LOGISTIC);
        assertThat(ModelKind.parse("lr")).isEqualTo(ModelKind.LOGISTIC);
        assertThat(ModelKind.parse("phase-retrieval")).isEqualTo(ModelKind.PHASE_RETRIEVAL);
        assertThat(ModelKind.parse("pr")).isEqualTo(ModelKind.PHASE_RETRIEVAL);
        for (var m : ModelKind.values()) {
            assertThat(ModelKind.parse(m.id())).isEqualTo(m);
        }
        assertThatThrownBy(() -> ModelKind.parse("svm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown model 'svm'; expected ls, logistic or phase-retrieval");
    }

    @Test
    void labelsAreTheSimulatorsView() {
        assertThat(ModelKind.LEAST_SQUARES.labels(0.5)).isEqualTo(new LabelModel.LeastSquares(0.5));
        assertThat(ModelKind.LOGISTIC.labels(0)).isEqualTo(new LabelModel.Logistic());
        assertThat(ModelKind.PHASE_RETRIEVAL.labels(0.2)).isEqualTo(new LabelModel.PhaseRetrieval(0.2));
        assertThat(ModelKind.LOGISTIC.supportsNoise()).isFalse();
        assertThatThrownBy(() -> ModelKind.LOGISTIC.labels(1)).hasMessageContaining("no label noise");
    }
}
