package io.icewarn.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.icewarn.bot.config.Settings;
import io.icewarn.bot.core.DiscordBot;
import io.icewarn.bot.core.NotBuiltDiscordBot;
import io.icewarn.bot.core.Services;
import io.icewarn.decoder.CodeExplanation;
import io.icewarn.decoder.Confidence;
import io.icewarn.decoder.Decoder;
import io.icewarn.decoder.IceWarnExplanation;
import io.icewarn.decoder.Severity;
import io.icewarn.decoder.model.IceWarn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MainTest {
    @TempDir
    Path dir;

    private final Decoder decoder = mock(Decoder.class);
    private final Map<String, String> env = new HashMap<>();
    private DiscordBot discordBot = new NotBuiltDiscordBot();
    private String out;
    private String err;

    @BeforeEach
    void decoderKnowsTheSeedPaste() {
        when(decoder.decode(any()))
                .thenAnswer(inv -> inv.getArgument(0).toString().contains("ms-client-diagnostics")
                        ? Fixtures.seed24()
                        : Fixtures.nothing());
        when(decoder.source(anyString())).thenAnswer(inv -> Fixtures.source(inv.getArgument(0)));
        when(decoder.flow(any())).thenReturn(new io.icewarn.decoder.flow.CallFlow(List.of(), 0, List.of()));
        when(decoder.explainIceWarn(anyString()))
                .thenAnswer(inv -> IceWarn.parse(inv.getArgument(0))
                        .map(v -> new IceWarnExplanation(v, List.of(), v.setBits(), Optional.empty())));
        when(decoder.explainCode(any(), anyInt()))
                .thenAnswer(inv -> new CodeExplanation(
                        inv.getArgument(0) == null ? "ms-client-diagnostics" : inv.getArgument(0),
                        inv.getArgument(1),
                        true,
                        Optional.of("reason " + inv.getArgument(1)),
                        "meaning",
                        Optional.empty(),
                        Optional.empty(),
                        Severity.FAILURE,
                        List.of(),
                        Confidence.SPEC));
    }

    private int run(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Main main = new Main(env, dir, false, discordBot, settings -> Services.of(settings, decoder));
        int code = main.execute(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void decodeFromStandardInputPrintsTheTerminalReply() {
        // GIVEN the seed paste on stdin WHEN decoded THEN exit 0 and the reply is printed
        assertThat(run(Fixtures.SEED_24, "decode")).isZero();
        assertThat(out)
                .startsWith("[FAILURE] Both endpoints are remote and media could not be relayed through the")
                .contains("ms-client-diagnostics 24")
                .contains("ICEWarn 0x320")
                .contains("Steps");
        assertThat(err).isEmpty();
    }

    @Test
    void decodeJsonPrintsOneDocument() throws Exception {
        // GIVEN a file WHEN decoded as JSON THEN stdout is exactly one JSON document
        Path f = Files.writeString(dir.resolve("seed.txt"), Fixtures.SEED_24);
        assertThat(run("", "decode", "--json", f.toString())).isZero();
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertThat(root.get("diagnostics").get(0).get("code").asInt()).isEqualTo(24);
    }

    @Test
    void nothingFoundStillExitsZeroWithAClearLine() {
        assertThat(run("just chatting", "decode")).isZero();
        assertThat(out).startsWith("No Lync / Skype for Business diagnostic found");
    }

    @Test
    void aBinaryOrNonUtf8FileIsSkippedWithOneLineAndExitOne() throws Exception {
        // GIVEN a binary file, a Latin-1 file, a missing file and a good one
        Path bin = Files.write(dir.resolve("x.bin"), new byte[] {1, 0, 2});
        Path latin = Files.write(dir.resolve("l.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Path good = Files.writeString(dir.resolve("g.txt"), Fixtures.SEED_24);
        // WHEN decoded together
        int code = run(
                "",
                "decode",
                bin.toString(),
                latin.toString(),
                dir.resolve("missing").toString(),
                good.toString());
        // THEN each bad one gets one line, the good one is decoded, and the exit code is 1
        assertThat(code).isEqualTo(1);
        assertThat(err.lines()).hasSize(3).allMatch(l -> l.startsWith("icewarn: "));
        assertThat(err).contains("looks binary").contains("not UTF-8").contains("no such file");
        assertThat(out).contains("== " + good + " ==").contains("ms-client-diagnostics 24");
    }

    @Test
    void explainAnIceWarnValue() {
        assertThat(run("", "explain", "0x320")).isZero();
        assertThat(out).startsWith("[").contains("] ICEWarn 0x320\n");
    }

    @Test
    void explainACodeWithAndWithoutHeader() {
        assertThat(run("", "explain", "24")).isZero();
        assertThat(out).startsWith("[FAILURE] ms-client-diagnostics 24 — ");
        assertThat(run("", "explain", "ms-diagnostics", "1008")).isZero();
        assertThat(out).contains("] ms-diagnostics 1008 — ");
        assertThat(run("", "explain", "MS-DIAGNOSTICS-PUBLIC", "4141")).isZero();
        assertThat(out).contains("] ms-diagnostics-public 4141 — ");
    }

    @Test
    void explainTeamsCodesInTheirNamespaces() {
        assertThat(run("", "explain", "teams", "560403")).isZero();
        assertThat(out).startsWith("[FAILURE] teams-direct-routing 560403 — ");
        assertThat(run("", "explain", "q850", "34")).isZero();
        assertThat(out).contains("] Q.850 34 — ");
        assertThat(run("", "explain", "SIP", "488")).isZero();
        assertThat(out).contains("] SIP 488 — ");
        verify(decoder).explainCode("teams-direct-routing", 560403);
        verify(decoder).explainCode("Q.850", 34);
    }

    @Test
    void explainABareNumberSaysWhenTeamsKnowsItToo() {
        // GIVEN a decoder that knows every number in every namespace WHEN a bare number is explained
        assertThat(run("", "explain", "10037")).isZero();
        // THEN the Lync reading comes with a pointer to the Teams one
        assertThat(out).startsWith("[FAILURE] ms-client-diagnostics 10037 — ").contains("explain teams 10037");
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        // GIVEN wrong usages WHEN run THEN exit 2, one line on stderr, nothing on stdout, no usage dump
        for (String[] args : List.of(
                new String[] {"--bogus"},
                new String[] {"explain"},
                new String[] {"explain", "zz"},
                new String[] {"explain", "foo", "12"},
                new String[] {"explain", "1", "2", "3"},
                new String[] {"nope"})) {
            assertThat(run("", args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(out).isEmpty();
        }
    }

    @Test
    void aMalformedSettingStopsStartUpWithOneLine() {
        // GIVEN a bad TTL WHEN started THEN exit 2 with the setting named
        env.put("ICEWARN_CACHE_TTL", "abc");
        assertThat(run("")).isEqualTo(2);
        assertThat(err).isEqualTo("icewarn: ICEWARN_CACHE_TTL: expected a duration like 10m, got \"abc\"\n");
    }

    @Test
    void withATokenTheDiscordSeamRunsAndTheTokenIsNeverPrinted() {
        // GIVEN a token and the placeholder bot WHEN started THEN one line, exit 1, no token anywhere
        env.put("DISCORD_TOKEN", "SECRET-TOKEN-VALUE");
        assertThat(run("")).isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: Discord mode not built yet; unset DISCORD_TOKEN to use the console\n");
        assertThat(out + err).doesNotContain("SECRET-TOKEN-VALUE");
    }

    @Test
    void withATokenTheInjectedBotGetsTheServices() {
        // GIVEN a bot implementation WHEN started with a token THEN it runs with the settings
        env.put("DISCORD_TOKEN", "t");
        Settings[] seen = new Settings[1];
        discordBot = (services, e) -> {
            seen[0] = services.settings();
            return 0;
        };
        assertThat(run("")).isZero();
        assertThat(seen[0].consoleMode()).isFalse();
    }

    @Test
    void withoutATokenPipedInputRunsTheConsole() {
        // GIVEN no token and a piped paste, a chat line and an empty line before the diagnostic
        // WHEN started THEN the console answers it once, as one paste, with the short answer
        assertThat(run(Fixtures.SEED_24)).isZero();
        assertThat(out)
                .startsWith("[FAILURE] Both endpoints are remote")
                .contains("\n1. ")
                .doesNotContain("----");
        assertThat(out).doesNotContain("No Lync");
    }

    @Test
    void explainHasTheVersionOptionToo() {
        assertThat(run("", "explain", "-V")).isZero();
        assertThat(out).startsWith("icewarn ");
        out = "";
        assertThat(run("", "decode", "--version")).isZero();
        assertThat(out).startsWith("icewarn ");
    }

    @Test
    void explainSaysPreciselyWhyAValueIsNoICEWarn() {
        assertThat(run("", "explain", "0x100000000")).isEqualTo(2);
        assertThat(err).contains("over 32 bits").contains("0xffffffff").doesNotContain("\tat ");
    }

    @Test
    void outputWrapsAtColumnsOrEighty() {
        assertThat(Main.width(java.util.Map.of("COLUMNS", "120"))).isEqualTo(120);
        assertThat(Main.width(java.util.Map.of("COLUMNS", "abc"))).isEqualTo(80);
        assertThat(Main.width(java.util.Map.of("COLUMNS", "5"))).isEqualTo(80);
        assertThat(Main.width(java.util.Map.of())).isEqualTo(80);
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("", "--help")).isZero();
        assertThat(out).contains("decode").contains("explain");
        assertThat(run("", "--version")).isZero();
        assertThat(out).startsWith("icewarn ");
    }

    @Test
    void anUnexpectedFailureIsOneLineNotAStackTrace() {
        // GIVEN a decoder that breaks WHEN decoding THEN exit 1 and one line
        org.mockito.Mockito.doThrow(new IllegalStateException("kaputt"))
                .when(decoder)
                .decode(any());
        assertThat(run("x", "decode")).isEqualTo(1);
        assertThat(err).isEqualTo("icewarn: internal error: IllegalStateException: kaputt\n");
    }

    @Test
    void decodeReadsStandardInputForADash() {
        assertThat(run(Fixtures.SEED_24, "decode", "-")).isZero();
        assertThat(out).contains("ms-client-diagnostics 24");
    }
}
