package org.optdyn.verification.cli;

import java.io.Serial;

/** A user error found while running a command (bad file, unwritable folder): one-line message, exit code 2. */
public final class UsageException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message the one-line message shown to the user */
    public UsageException(String message) {
        super(message);
    }
}
