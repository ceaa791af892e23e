package io.icewarn.bot.cli;

import io.icewarn.bot.config.SettingsException;
import io.icewarn.bot.core.Services;
import io.icewarn.bot.reply.Reply;
import io.icewarn.bot.safety.Sanitizer;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.model.IceWarn;
import io.icewarn.decoder.model.TeamsDiagnostic;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain VALUE} or {@code explain HEADER CODE}: explains an ICEWarn value ({@code 0x320}, or any
 * value with a hex letter, or with {@code --icewarn}), a diagnostic ID ({@code 24},
 * {@code ms-diagnostics 1008}), or a code of Teams Direct Routing ({@code teams 560403}, {@code q850 34},
 * {@code sip 488}). A bare number is read as a Lync ID first, then as a Teams Microsoft response code; the
 * answer says when the other namespace knows the number too.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = io.icewarn.bot.Main.Version.class,
        description = {
            "Explain an ICEWarn value, a diagnostic ID, or a Teams Direct Routing code.",
            "  explain 0x320 | explain 24 | explain ms-diagnostics 1008 | explain ms-diagnostics-public 4141",
            "  explain teams 560403 | explain q850 34 | explain sip 488"
        })
public final class ExplainCommand implements Callable<Integer> {
    private static final List<String> HEADERS =
            List.of("ms-client-diagnostics", "ms-diagnostics", "ms-diagnostics-public", "x-ms-SDP-diagnostics");

    /** The Teams Direct Routing namespaces, by every name they may be given. */
    private static final Map<String, String> TEAMS_NAMESPACES = Map.of(
            "teams",
            TeamsDiagnostic.HEADER,
            TeamsDiagnostic.HEADER,
            TeamsDiagnostic.HEADER,
            "q850",
            TeamsDiagnostic.Q850_HEADER,
            "q.850",
            TeamsDiagnostic.Q850_HEADER,
            "sip",
            "SIP");

    @Option(names = "--icewarn", description = "Read a number without 0x as an ICEWarn value, not an ID.")
    boolean iceWarn;

    @Parameters(
            paramLabel = "[HEADER] VALUE",
            arity = "1..2",
            description = "An ICEWarn value, or an ID with an optional header.")
    List<String> words;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    public ExplainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws SettingsException {
        if (words.size() > 2) {
            throw usage("explain takes a value, or a header and an ID");
        }
        String value = words.get(words.size() - 1).strip();
        Optional<String> header = words.size() == 2 ? Optional.of(words.get(0).strip()) : Optional.empty();
        boolean looksHex = value.regionMatches(true, 0, "0x", 0, 2) || value.matches(".*[a-fA-F].*");
        if (header.isEmpty() && (iceWarn || looksHex)) {
            Services services = context.services();
            Optional<IceWarnExplanation> e = services.decoder().explainIceWarn(value);
            if (e.isEmpty()) {
                throw usage("not an ICEWarn value: "
                        + Sanitizer.cleanLine(IceWarn.problem(value).orElse(value)));
            }
            return print(services.replies().iceWarn(e.get()));
        }
        if (!value.matches("\\d{1,9}")) {
            throw usage("not a diagnostic ID: " + Sanitizer.cleanLine(value)
                    + " (an ID is a whole number such as 24 or 1008)");
        }
        String canonical = null;
        if (header.isPresent()) {
            String given = header.get().replaceAll(":$", "");
            canonical = TEAMS_NAMESPACES.get(given.toLowerCase(Locale.ROOT));
            if (canonical == null) {
                canonical = HEADERS.stream()
                        .filter(h -> h.equalsIgnoreCase(given))
                        .findFirst()
                        .orElseThrow(() -> usage("unknown header: " + header.get() + " (use "
                                + String.join(", ", HEADERS) + ", teams, q850 or sip)"));
            }
        }
        Services services = context.services();
        int code = Integer.parseInt(value);
        CodeExplanation explained = services.decoder().explainCode(canonical, code);
        Reply reply = services.replies().code(explained);
        if (canonical == null) {
            reply = services.replies().withNotes(reply, otherNamespace(services, explained, code));
        }
        return print(reply);
    }

    /** Returns a note when a bare number was read in one namespace and the other one knows it too. */
    private static List<String> otherNamespace(Services services, CodeExplanation explained, int code) {
        if (explained.header().equals(TeamsDiagnostic.HEADER)) {
            return List.of(
                    "Read as a Teams Direct Routing Microsoft response code: no Lync ID or range covers " + code + ".");
        }
        CodeExplanation teams = services.decoder().explainCode(TeamsDiagnostic.HEADER, code);
        return teams.known()
                ? List.of(code + " is also a documented Teams Direct Routing Microsoft response code ("
                        + teams.reason().orElse("") + "): explain teams " + code + ".")
                : List.of();
    }

    private int print(Reply reply) {
        context.out().print(context.terminal().render(reply));
        context.out().flush();
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
