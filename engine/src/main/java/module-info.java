/**
 * The optdyn engine: SIMD kernels, optimizers, random streams and streaming simulators.
 * Depends on the JDK only; the Vector API types never leave {@code org.optdyn.engine.kernel}.
 */
module org.optdyn.engine {
    requires jdk.incubator.vector;
    requires java.logging;

    exports org.optdyn.engine.dln;
    exports org.optdyn.engine.erm;
    exports org.optdyn.engine.kernel;
    exports org.optdyn.engine.linalg;
    exports org.optdyn.engine.model;
    exports org.optdyn.engine.optim;
    exports org.optdyn.engine.outcome;
    exports org.optdyn.engine.quadratic;
    exports org.optdyn.engine.random;
    exports org.optdyn.engine.rotation;
    exports org.optdyn.engine.spectrum;
    exports org.optdyn.engine.stream;
}
