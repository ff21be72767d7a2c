/** The optdyn theory layer: predictions of what the engine's algorithms do (Hipparchus underneath). */
// Hipparchus 4.0.3 jars carry no module name; their file-name-derived automatic names are hipparchus.core etc.
module org.optdyn.theory {
    requires transitive org.optdyn.engine;
    requires hipparchus.core;
    requires hipparchus.ode;
    requires hipparchus.optim;
    requires hipparchus.stat;
    requires io.vavr;

    exports org.optdyn.theory.spectrum;
    // exports org.optdyn.theory.ode;  (enable with the first class of the package)
    exports org.optdyn.theory.averagecase;
    // exports org.optdyn.theory.shapes;  (enable with the first class of the package)
}
