package cn.jintan.quality.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} of every command, its text from the catalogue (picocli's standard mixin would add --version). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean help;
}
