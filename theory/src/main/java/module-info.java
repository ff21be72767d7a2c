/** The optdyn theory layer: predictions of what the engine's algorithms do (Hipparchus underneath). */
// Hipparchus 4.0.3 jars carry no module name; their file-name-derived automatic names are hipparchus.core etc.
// requires transitive hipparchus.core: the shapes API exposes Hipparchus' Complex; the automatic-module warning
// is suppressed because Hipparchus 4.0.3 ships no module descriptor.
@SuppressWarnings("requires-transitive-automatic")
module org.optdyn.theory {
    requires transitive org.optdyn.engine;
    requires transitive hipparchus.core;
    requires hipparchus.ode;
    requires hipparchus.optim;
    requires hipparchus.stat;
    requires io.vavr;

    exports org.optdyn.theory.spectrum;
    exports org.optdyn.theory.ode;
    exports org.optdyn.theory.dmft;
    exports org.optdyn.theory.averagecase;
    exports org.optdyn.theory.shapes;
    exports org.optdyn.theory.pde;
}
