package org.optdyn.verification.cli;

import org.optdyn.verification.experiment.ExperimentCatalogue;

/** Entry point of {@code ./optdyn}: runs the command line over the experiment catalogue and exits with its code. */
public final class Main {

    private Main() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = OptdynCli.create(ExperimentCatalogue::all).execute(args);
        System.out.flush();
        System.exit(code);
    }
}
