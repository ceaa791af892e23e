package io.icewarn.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a child process, as a user would. */
final class CliIT {
    /** Sample 01 of the shared samples: the seed blog paste, curly quotes kept. */
    private static final String SEED = "Looking at the reports showed this error\n\n"
            + "ms-client-diagnostics: 24; reason=“Call failed to establish due to a media connectivity failure when both"
            + " endpoints are remote”;CallerMediaDebug=”application-sharing:ICEWarn=0x320,,,RemoteSite=,PortRange=50040:50049,"
            + "LocalMRTCPPort=57498,LocalLocation=1,RemoteLocation=1,FederationType=0″\n"
            + "This usually is down to port configuration settings on your network\n";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "icewarn.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.environment().keySet().removeIf(k -> k.equals("DISCORD_TOKEN") || k.startsWith("ICEWARN_"));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Test
    void decodeJsonOfTheSeedPasteFollowsTheContract() throws Exception {
        // GIVEN the seed paste in a file
        Path sample = Files.writeString(dir.resolve("seed.txt"), SEED, StandardCharsets.UTF_8);
        // WHEN the jar decodes it as JSON
        Run r = run("decode", "--json", sample.toString());
        // THEN exit 0, nothing on stderr, one JSON document with the decoded diagnostic
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode ds = new ObjectMapper().readTree(r.out()).get("diagnostics");
        assertThat(ds).hasSize(1);
        JsonNode d = ds.get(0);
        assertThat(d.get("header").asText()).isEqualTo("ms-client-diagnostics");
        assertThat(d.get("code").asInt()).isEqualTo(24);
        assertThat(d.get("side").asText()).isEqualTo("caller");
        assertThat(d.get("media").asText()).isEqualTo("application-sharing");
        assertThat(d.get("severity").asText()).isIn("failure", "warning", "info");
        assertThat(d.get("iceWarn").get("value").asText()).isEqualTo("0x320");
        List<String> bits = new ArrayList<>();
        d.get("iceWarn").get("flags").forEach(f -> bits.add(f.get("bit").asText()));
        assertThat(bits).containsExactlyInAnyOrder("0x20", "0x100", "0x200");
        assertThat(d.get("fields").get("LocalLocation").asText()).isEqualTo("1");
        assertThat(d.get("fields").get("RemoteLocation").asText()).isEqualTo("1");
    }

    @Test
    void decodeJsonOfATeamsPairAndExplainTeamsCodes() throws Exception {
        // GIVEN the Teams admin center pair in a file
        Path sample = Files.writeString(
                dir.resolve("teams.txt"),
                "Final SIP code: 403, Final Microsoft subcode: 510559\n",
                StandardCharsets.UTF_8);
        // WHEN the jar decodes it as JSON
        Run r = run("decode", "--json", sample.toString());
        // THEN one Teams diagnostic, in its own namespace
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out()).get("diagnostics").get(0);
        assertThat(d.get("header").asText()).isEqualTo("teams-direct-routing");
        assertThat(d.get("code").asInt()).isEqualTo(510559);
        assertThat(d.get("teams").get("origin").asText()).isEqualTo("microsoft");
        // AND explain reads Teams codes, Q.850 causes and SIP codes
        Run teams = run("explain", "teams", "560403");
        assertThat(teams.code()).as(teams.err()).isZero();
        assertThat(teams.out())
                .startsWith("[FAILURE] teams-direct-routing 560403 — ")
                .contains("final response from the SBC");
        Run cause = run("explain", "q850", "34");
        assertThat(cause.out()).contains("No circuit/channel available").contains("503");
        Run bare = run("explain", "560484");
        assertThat(bare.out()).contains("] teams-direct-routing 560484");
        // the console wraps lines to the terminal width, so the note is read with its line breaks undone
        assertThat(bare.out().replaceAll("\\s+", " ")).contains("no Lync ID or range covers 560484");
    }

    @Test
    void plainChatGetsNothingFoundAndExitZero() throws Exception {
        Path sample = Files.writeString(dir.resolve("chat.txt"), "IM works, only sharing breaks.\n");
        Run r = run("decode", sample.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("No Lync / Skype for Business diagnostic found");
    }

    @Test
    void aUsageErrorIsOneLineAndExitTwo() throws Exception {
        Run r = run("--no-such-option");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    /** About {@code bytes} of log lines without a diagnostic, with non-ASCII text now and then. */
    private static String logLines(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 200);
        int n = 0;
        while (sb.length() < bytes) {
            n++;
            sb.append("03/12/2024|10:15:32.")
                    .append(n % 1000)
                    .append(" INFO  :: Via: SIP/2.0/TLS ")
                    .append("10.0.0.9:5061;ms-received-port=5061 ")
                    .append(n % 97 == 0 ? "caf\u00e9 \u201Cquoted\u201D" : "plain")
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void aLogOverTheStreamingThresholdIsStreamedWithTheSameJsonAsAPaste() throws Exception {
        // GIVEN 3 MB of log lines with the seed paste in the middle and a server diagnostic at the end
        String log = logLines(1_500_000) + SEED + logLines(1_500_000)
                + "SIP/2.0 504 Server time-out\nms-diagnostics: 1008;reason=\"Unable to resolve DNS SRV record\"\n";
        Path big = Files.writeString(dir.resolve("big.log"), log, StandardCharsets.UTF_8);
        Path small = Files.writeString(dir.resolve("seed.txt"), SEED, StandardCharsets.UTF_8);
        // WHEN the jar decodes the log (streamed) and the paste (read whole)
        Run r = run("decode", "--json", big.toString(), small.toString());
        // THEN exit 0; both inputs in one document; the seed diagnostic decodes alike in both
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode ds = root.get("diagnostics");
        assertThat(ds).hasSize(3);
        assertThat(ds.get(0).get("input").asText()).isEqualTo(big.toString());
        assertThat(ds.get(1).get("code").asInt()).isEqualTo(1008);
        assertThat(ds.get(1).get("sipStatus").asInt()).isEqualTo(504);
        assertThat(ds.get(2).get("input").asText()).isEqualTo(small.toString());
        JsonNode streamed = ds.get(0).deepCopy();
        JsonNode whole = ds.get(2).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) streamed).remove(List.of("input", "span"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) whole).remove(List.of("input", "span"));
        assertThat(streamed).isEqualTo(whole);
        // the span of a streamed input is a character offset into the file as it is
        int start = log.indexOf("ms-client-diagnostics");
        assertThat(ds.get(0).get("span").get("start").asInt()).isEqualTo(start);
        assertThat(root.get("problems")).isEmpty();
        assertThat(root.get("errors")).isEmpty();
    }

    @Test
    void aBigBinaryFileIsRefusedFromItsFirstChunk() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[10] = 0;
        Path bin = Files.write(dir.resolve("big.bin"), bytes);
        Run r = run("decode", "--json", bin.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("looks binary");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("errors").get(0).get("message").asText()).contains("looks binary");
        assertThat(root.get("diagnostics")).isEmpty();
    }

    @Test
    void aBigLogInTextModeGetsTheReply() throws Exception {
        Path big = Files.writeString(dir.resolve("big.log"), logLines(1_200_000) + SEED, StandardCharsets.UTF_8);
        Run r = run("decode", big.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("24").doesNotStartWith("No Lync");
    }
}
