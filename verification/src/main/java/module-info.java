/** Experiments that hold theory against simulation, the optdyn command line and its report. */
module org.optdyn.verification {
    requires org.optdyn.engine;
    requires org.optdyn.theory;
    requires hipparchus.core;
    requires org.optdyn.games;
    requires info.picocli;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;

    exports org.optdyn.verification.experiment;
    opens org.optdyn.verification.cli to info.picocli;
}
