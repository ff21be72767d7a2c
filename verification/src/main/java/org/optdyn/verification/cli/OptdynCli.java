package org.optdyn.verification.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Supplier;
import org.optdyn.verification.experiment.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code optdyn} command line: {@code list}, {@code reproduce}, {@code ode} and {@code simulate}.
 *
 * <p>Error policy: every user error (unknown option, bad value, unreadable input, unwritable output) prints one
 * line, {@code optdyn <command>: <what is wrong>}, to standard error and exits with {@link ExitCodes#USAGE};
 * no stack trace. An unexpected exception is a bug: one line and {@link ExitCodes#INTERNAL}, with the stack
 * trace only when the environment variable {@code OPTDYN_DEBUG} is set.
 */
public final class OptdynCli {

    private OptdynCli() {
    }

    /** The top-level command; it only dispatches to subcommands. */
    @Command(name = "optdyn", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Dynamics of optimization algorithms in high dimensions: theory against simulation.",
                "Main job: 'optdyn reproduce' runs the experiment catalogue and writes a report with plots."},
            synopsisSubcommandLabel = "COMMAND")
    static final class Top implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }

    /** Reports the project version from the jar manifest, if any. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = OptdynCli.class.getPackage().getImplementationVersion();
            return new String[] {"optdyn " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version")};
        }
    }

    /**
     * Builds the command line.
     *
     * @param catalogue the experiments {@code list} and {@code reproduce} work on (tests pass fake ones)
     */
    public static CommandLine create(Supplier<List<Experiment>> catalogue) {
        var cl = new CommandLine(new Top());
        cl.addSubcommand(new ListCommand(catalogue));
        cl.addSubcommand(new ReproduceCommand(catalogue));
        cl.addSubcommand(new OdeCommand());
        cl.addSubcommand(new SimulateCommand());
        cl.addSubcommand(new DmftCommand());
        cl.addSubcommand(new DlnCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(OptdynCli::onParameterError);
        cl.setExecutionExceptionHandler(OptdynCli::onExecutionError);
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        var cmd = ex.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage())
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static int onExecutionError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var name = cmd.getCommandSpec().qualifiedName();
        var err = cmd.getErr();
        int code;
        switch (ex) {
            case UsageException u -> {
                err.println(name + ": " + oneLine(u.getMessage()));
                code = ExitCodes.USAGE;
            }
            case IOException io -> {
                err.println(name + ": " + describe(io));
                code = ExitCodes.USAGE;
            }
            default -> {
                err.println(name + ": internal error: " + oneLine(String.valueOf(ex))
                        + " (set OPTDYN_DEBUG=1 for the stack trace)");
                if (System.getenv("OPTDYN_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
                code = ExitCodes.INTERNAL;
            }
        }
        err.flush();
        return code;
    }

    /** @return an I/O error in words, e.g. "cannot write /x/y: permission denied" */
    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file or directory: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case FileAlreadyExistsException f -> f.getFile() + " " + (f.getReason() == null ? "already exists" : f.getReason());
            case FileSystemException f -> oneLine(f.getMessage());
            default -> oneLine(String.valueOf(e.getMessage()));
        };
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        var t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
