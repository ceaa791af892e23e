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
}
