package cn.jintan.quality.cli;

import cn.jintan.quality.messages.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A bad command line in the catalogue's words: one line saying what is wrong, naming the option or
 * argument, and one line pointing at {@code --help}, never the whole usage (it scrolled the error
 * away); exit 2. picocli's own messages are English and only read here to tell its cases apart.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    /** A usage error already worded from the catalogue: printed as it is. */
    static final class Refused extends ParameterException {
        Refused(CommandLine line, String message) {
            super(line, message);
        }
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        line.getErr().println(message(ex));
        line.getErr().println(hint(ex));
        line.getErr().flush();
        return Main.USAGE;
    }

    static String message(ParameterException ex) {
        Messages m = Messages.catalogue();
        CommandLine line = ex.getCommandLine();
        if (ex instanceof Refused) {
            return ex.getMessage();
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                return m.get("cli.error.option.unknown", first);
            }
            return isRoot(line) ? m.get("cli.error.command.unknown", first, commands(line))
                    : m.get("cli.error.argument.unmatched", first, line.getCommandSpec().name());
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            if (ex.getMessage().startsWith("Missing required option")) { // not given at all (else: given without its value)
                return m.get("cli.error.option.missing", missing.getMissing().stream()
                        .map(UsageErrors::withLabel).collect(Collectors.joining(", ")));
            }
            return missing.getMissing().isEmpty() ? m.get("cli.error.usage", ex.getMessage())
                    : m.get("cli.error.option.novalue", name(missing.getMissing().get(0)), withLabel(missing.getMissing().get(0)));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException twice) {
            return m.get("cli.error.option.twice", name(twice.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getCause() instanceof CommandLine.TypeConversionException conversion
                && ex.getArgSpec().converters().length > 0) {
            // our converters word their message from the catalogue, naming the value and how to write it
            return m.get("cli.error.option.invalid", name(ex.getArgSpec()), conversion.getMessage());
        }
        if (ex.getArgSpec() != null && ex.getCause() != null) {
            return m.get("cli.error.option.value", name(ex.getArgSpec()), ex.getValue(), withLabel(ex.getArgSpec()));
        }
        if (isRoot(line) && ex.getMessage().startsWith("Unknown subcommand")) { // help bogus
            return m.get("cli.error.command.unknown", ex.getValue(), commands(line));
        }
        return m.get("cli.error.usage", ex.getMessage());
    }

    /** {@code run java -jar quality-briefing.jar run --help ...}, with picocli's suggestion when it has one. */
    static String hint(ParameterException ex) {
        Messages m = Messages.catalogue();
        CommandLine line = ex.getCommandLine();
        String command = line.getCommandSpec().qualifiedName();
        List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatched.getSuggestions() : List.of();
        if (!suggestions.isEmpty()) {
            return m.get("cli.hint.suggest", command, String.join(" / ", suggestions));
        }
        return m.get(isRoot(line) ? "cli.hint.commands" : "cli.hint.options", command);
    }

    static String commands(CommandLine root) {
        return String.join(", ", root.getSubcommands().keySet());
    }

    private static boolean isRoot(CommandLine line) {
        return line.getParent() == null;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** {@code --period=YYYY-MM}: the option as it is written. */
    private static String withLabel(ArgSpec arg) {
        return arg instanceof OptionSpec option && option.arity().max > 0
                ? option.longestName() + "=" + option.paramLabel() : name(arg);
    }
}
