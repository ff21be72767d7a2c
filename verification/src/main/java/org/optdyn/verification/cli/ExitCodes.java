package org.optdyn.verification.cli;

/** Exit codes of the optdyn command line. */
public final class ExitCodes {

    /** Everything ran and every claim held. */
    public static final int OK = 0;
    /** At least one claim failed, or an experiment stopped with an error. */
    public static final int CLAIM_FAILED = 1;
    /** Bad flags, bad values, unreadable or unwritable files. */
    public static final int USAGE = 2;
    /** A bug: an unexpected exception (set OPTDYN_DEBUG=1 for its stack trace). */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
