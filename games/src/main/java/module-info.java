/** Smooth games as vector fields with Jacobians, and their first-order solvers. */
module org.optdyn.games {
    requires transitive org.optdyn.engine;
    requires transitive org.optdyn.theory;

    exports org.optdyn.games;
}
