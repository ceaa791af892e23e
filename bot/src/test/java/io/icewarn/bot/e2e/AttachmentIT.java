package io.icewarn.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.e2e.launch.InProcessSession;
import io.icewarn.bot.e2e.sim.Attachment;
import io.icewarn.bot.e2e.sim.RestCall;
import io.icewarn.bot.e2e.sim.SimOptions;
import io.icewarn.bot.e2e.sim.SimulatedDiscord;
import io.icewarn.bot.e2e.sim.World;
import io.icewarn.bot.ladder.Ladder;
import io.icewarn.bot.render.ladder.LadderPicture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: a {@code .log} attachment, downloaded from the simulator's CDN route, is decoded and answered
 * in a thread; one over the size limit is not downloaded and gets the short explanation in place.
 */
final class AttachmentIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LIMIT_KB = 64;

    @TempDir
    static Path dir;

    static InProcessSession session;
    static SimulatedDiscord discord;

    @BeforeAll
    static void start() throws Exception {
        // the bot runs in this JVM: load PlantUML's classes once here, as the bot's start-up warm-up does, so that
        // the first picture is drawn well within its timeout on a loaded machine
        new LadderPicture()
                .png(new Ladder("warm-up", List.of(new Ladder.Column("A", "caller", "")), List.of(), List.of(), false));
        session = InProcessSession.start(SimOptions.defaults(), dir, WAIT, (sim, env) -> {
            env.put("ICEWARN_ATTACHMENT_MAX_BYTES", LIMIT_KB + "k");
        });
        discord = session.discord();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    /** About {@code bytes} of client log lines with {@code paste} in the middle. */
    private static String log(int bytes, String paste) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        while (b.length() < bytes / 2) {
            b.append("11/24/2026|08:15:")
                    .append(n % 60)
                    .append(".")
                    .append(n++ % 1000)
                    .append(" INFO :: SIP/2.0 100 Trying, CSeq: ")
                    .append(n)
                    .append(" INVITE\n");
        }
        b.append(paste).append('\n');
        while (b.length() < bytes) {
            b.append("11/24/2026|08:16:")
                    .append(n % 60)
                    .append(" INFO :: media stack idle ")
                    .append(n++)
                    .append('\n');
        }
        return b.toString();
    }

    @AfterEach
    void noRequestRefused() {
        discord.assertNoRejectedOrInvalid();
    }

    @Test
    void aLogAttachmentIsDownloadedDecodedAndAnsweredInAThread() {
        // GIVEN a message whose only diagnostic is in an attached 20 KB client log
        World w = discord.world();
        long message = discord.post(
                w.channel(0),
                w.human(0),
                "the call drops when I share my screen, log attached",
                List.of(Attachment.text("Lync-UccApi-0.UccApilog", log(20_000, Pastes.read(Pastes.SEED)))));

        // WHEN the bot answers
        RestCall last = discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);

        // THEN it downloaded the file from the CDN route once, started a thread and decoded the log's paste
        assertThat(discord.recorder()
                        .rest(c -> c.route().equals("GET cdn") && c.path().endsWith(".UccApilog")))
                .hasSize(1)
                .allMatch(RestCall::ok);
        assertThat(discord.recorder().rest(Calls.threadOn(message))).hasSize(1);
        String answer = discord.recorder().rest(Calls.postIn(message)).stream()
                .map(RestCall::body)
                .collect(Collectors.joining());
        assertThat(answer).contains("24").containsIgnoringCase("0x320");
        assertThat(WirePayloads.violations(last.json())).isEmpty();
    }

    @Test
    void aClientLogIsAnsweredWithThePictureOfItsFailedDialogUploadedAsAPng() throws Exception {
        // GIVEN a client log (corpus trace 02: an INVITE that fails with ms-diagnostics 1034) attached to a message
        World w = discord.world();
        String trace = Files.readString(
                Path.of("..", "decoder", "src", "test", "resources", "flow", "02-federated-edge.uccapilog"));
        long message = discord.post(
                w.channel(2),
                w.human(2),
                "federated call fails",
                List.of(Attachment.text("Lync-UccApi-0.UccApilog", trace)));

        // WHEN the bot answers
        discord.recorder().awaitRest(Calls.wholeAnswerIn(message), WAIT);

        // THEN the answer's first post is a multipart upload of one PNG, sent as image/png
        List<RestCall> posts = Delivery.assertAnsweredOnce(discord, message);
        RestCall first = posts.get(0);
        assertThat(first.headers().get("content-type")).anyMatch(t -> t.startsWith("multipart/form-data"));
        assertThat(first.files()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("call-flow.png");
            assertThat(f.contentType()).isEqualTo("image/png");
            byte[] png = f.data();
            assertThat(Arrays.copyOf(png, 8))
                    .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            assertThat(png.length).isGreaterThan(5_000);
        });
        // AND its payload names the file and shows it in the embed, within Discord's limits
        assertThat(first.json().path("attachments").get(0).path("filename").asText())
                .isEqualTo("call-flow.png");
        assertThat(first.json().path("embeds").get(0).path("image").path("url").asText())
                .isEqualTo("attachment://call-flow.png");
        assertThat(WirePayloads.violations(first.json())).isEmpty();
        // AND no other post or edit of the answer uploads it again
        assertThat(posts.stream().skip(1)).allMatch(c -> c.files().isEmpty());
        assertThat(discord.recorder().rest(Calls.editIn(message)))
                .allMatch(c -> c.files().isEmpty());
    }

    @Test
    void anOversizedLogIsNotDownloadedAndGetsTheShortExplanation() {
        // GIVEN a 100 KB log over the 64 KB limit, with a diagnostic inside that must not be read
        World w = discord.world();
        long channel = w.channel(1);
        long message = discord.post(
                channel,
                w.human(1),
                "here is the whole log",
                List.of(Attachment.text("client.log", log(100 * 1024, Pastes.read(Pastes.KB_23)))));

        // WHEN the bot answers
        RestCall reply = discord.recorder().awaitRest(Calls.postIn(channel), WAIT);

        // THEN in place, as a reply to the message, naming the file and the limit, without pinging anyone
        assertThat(reply.json().path("message_reference").path("message_id").asText())
                .isEqualTo(Long.toUnsignedString(message));
        assertThat(reply.json().toString()).contains("client.log").contains("more than the " + LIMIT_KB + " KB");
        assertThat(WirePayloads.violations(reply.json())).isEmpty();
        // AND the file was never fetched and no thread was started
        assertThat(discord.recorder()
                        .rest(c -> c.route().equals("GET cdn") && c.path().endsWith("client.log")))
                .isEmpty();
        assertThat(discord.recorder().rest(Calls.threadOn(message))).isEmpty();
    }
}
