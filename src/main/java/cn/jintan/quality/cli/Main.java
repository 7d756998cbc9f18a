package cn.jintan.quality.cli;

import cn.jintan.quality.domain.ConfigurationException;
import cn.jintan.quality.job.NightlyRun;
import cn.jintan.quality.messages.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ResourceBundle;

/**
 * {@code java -jar quality-briefing.jar COMMAND}: exit 0 when the run completed (rejected workbooks
 * are a normal outcome), 1 when the run itself failed or completed but quarantined files an
 * unexpected error kept from being checked, 2 for a bad command line or configuration.
 */
@Command(name = Main.COMMAND, header = "${bundle:cli.usage.header}", resourceBundle = "messages", mixinStandardHelpOptions = false,
        subcommands = {RunCommand.class, ScheduleCommand.class, ReportCommand.class, TemplateCommand.class,
                SamplesCommand.class, RebuildCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements Runnable {

    /** What a user types, shown in usage and hints. */
    static final String COMMAND = "java -jar quality-briefing.jar";

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int QUARANTINED = NightlyRun.EXIT_QUARANTINED;

    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setResourceBundle(ResourceBundle.getBundle("messages"))
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    ConfigurationException config = configurationProblem(e);
                    if (config != null) {
                        line.getErr().println(oneLine(config));
                        return USAGE;
                    }
                    InputRefused wrongInput = cause(e, InputRefused.class);
                    if (wrongInput != null) {
                        line.getErr().println(wrongInput.getMessage());
                        return USAGE;
                    }
                    DatabaseRefused refused = cause(e, DatabaseRefused.class);
                    if (refused != null) {
                        line.getErr().println(refused.getMessage());
                        return FAILED;
                    }
                    if (databaseInUse(e)) {
                        line.getErr().println(line.getResourceBundle().getString("cli.error.locked"));
                        return FAILED;
                    }
                    String unreachable = databaseUnreachable(e);
                    if (unreachable != null) {
                        line.getErr().println(Messages.catalogue().get("cli.error.database.unreachable", unreachable));
                        return FAILED;
                    }
                    String corrupt = databaseDamaged(e);
                    if (corrupt != null) {
                        line.getErr().println(Messages.catalogue().get("cli.error.corrupt", corrupt, "data/backup"));
                        return FAILED;
                    }
                    line.getErr().println(line.getResourceBundle().getString("cli.error.failed") + " " + e);
                    return FAILED;
                });
        cli.setUsageHelpWidth(100);
        // picocli's own help command: its header from the catalogue too (the bundle cannot key it by command name)
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .header(Messages.catalogue().get("cli.usage.help"))
                .description(Messages.catalogue().get("cli.usage.help.description"));
        return cli.execute(args);
    }

    /** File and line (or setting and source) and problem on one line: no value can break it in two. */
    private static String oneLine(ConfigurationException config) {
        Messages m = Messages.catalogue();
        String problem = config.problem().replaceAll("\\R", " ");
        return config.line() > 0
                ? m.get("cli.error.config.line", config.source(), String.valueOf(config.line()), problem)
                : m.get("cli.error.config.setting", config.source(), problem);
    }

    /** H2's file lock: another process (a run, or schedule) holds the database. */
    private static boolean databaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    /** H2 cannot read its file (corrupted, or not an H2 file): its first message line, else null. */
    private static String databaseDamaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 90030 || sql.getErrorCode() == 90048)) {
                return DatabaseState.firstLine(sql.getMessage());
            }
        }
        return null;
    }

    /**
     * PostgreSQL cannot be reached or will not have us: no connection or lost (SQLState class 08),
     * login refused (28), shut down or starting up (57P01..57P03), no connection slot left (53300).
     * The driver's first message line (host and port, never the password), else null.
     */
    private static String databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && t.getClass().getName().startsWith("org.postgresql.")
                    && sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28")
                    || sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("53300"))) {
                return DatabaseState.firstLine(sql.getMessage());
            }
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ConfigurationException configurationProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }

    /** No command given: a usage error like any other (the commands named, and where the help is). */
    @Override
    public void run() {
        throw new UsageErrors.Refused(spec.commandLine(),
                Messages.catalogue().get("cli.error.command.none", UsageErrors.commands(spec.commandLine())));
    }
}
