package io.icewarn.bot.features.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import io.icewarn.bot.features.fetch.Archives;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class AttachmentReplyTest {
    private static final byte[] LOG = ("2026-01-01 12:00:00 SIP/2.0 488 Not Acceptable Here\n" + Fixtures.SEED_24)
            .getBytes(StandardCharsets.UTF_8);

    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    @Test
    void logAttachmentIsDecoded() {
        // GIVEN a message with only a .log attachment holding a diagnostic
        var message = tester.message("", tester.attachment("client.log", "text/plain; charset=utf-8", LOG));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the file was downloaded from its own URL and the diagnostic answered in a thread
        assertThat(tester.fetched).hasSize(1).allMatch(u -> u.endsWith("/client.log"));
        assertThat(tester.threadNames).hasSize(1).allMatch(n -> n.startsWith("Application sharing failed"));
    }

    @Test
    void logRecognisedByContentWhateverItsName() {
        // GIVEN a text log with an unknown extension and no content type
        var message = tester.message("", tester.attachment("trace.dat", "", LOG));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN it is sniffed as text and answered
        assertThat(tester.threadNames).hasSize(1);
    }

    @Test
    void gzipAndZipArchivesAreUnpacked() {
        // GIVEN a .gz and a .zip of logs
        var gz = tester.message("", tester.attachment("client.log.gz", "application/gzip", Archives.gzip(LOG)));
        var zip = tester.message(
                "",
                tester.attachment(
                        "logs.zip",
                        "application/zip",
                        Archives.zip("a/readme.bin", new byte[] {0, 1, 2, 3, 0, 0}, "a/Lync-UccApi-0.UccApilog", LOG)));

        // WHEN they arrive
        tester.router.onMessageReceived(tester.received(gz));
        tester.router.onMessageReceived(tester.received(zip));

        // THEN both are answered (the binary entry is skipped)
        assertThat(tester.threadNames).hasSize(2);
    }

    @Test
    void binaryLogGetsAShortExplanation() {
        // GIVEN a .log that is really binary
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        var message = tester.message("", tester.attachment("capture.log", "application/octet-stream", binary));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the bot explains in place instead of staying silent
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).via).isEqualTo("reply");
        assertThat(tester.sent.get(0).text()).contains("capture.log").contains("not a text log");
    }

    @Test
    void oversizedFileIsNotDownloadedAndExplained() {
        // GIVEN a 1 MB limit and a 5 MB log
        SettingsBuilder s = new SettingsBuilder();
        s.maxBytes = 1024 * 1024;
        tester = new JdaTester(s);
        var message = tester.message("", tester.attachment("huge.log", "text/plain", LOG, 5L * 1024 * 1024));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN it is not fetched, and the reply says it is too large
        assertThat(tester.fetched).isEmpty();
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).text())
                .contains("huge.log")
                .contains("5 MB")
                .contains("1 MB");
    }

    @Test
    void archiveBombStopsAtTheCap() {
        // GIVEN a 64 KB limit and a small zip that unpacks to 4 MB of text after the diagnostic
        SettingsBuilder s = new SettingsBuilder();
        s.maxBytes = 64 * 1024;
        tester = new JdaTester(s);
        byte[] big = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        byte[] bomb = Archives.zip("diag.log", LOG, "filler.log", big);
        assertThat(bomb.length).isLessThan(64 * 1024);
        var message = tester.message("", tester.attachment("bomb.zip", "application/zip", bomb));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN reading stops at the cap: the diagnostic is answered and the note says only part was read
        assertThat(tester.threadNames).hasSize(1);
        assertThat(tester.sent.get(0).text()).contains("Only the first 64 KB of bomb.zip were read");
    }

    @Test
    void pasteSiteLinkIsFetchedRaw() {
        // GIVEN a pastebin link whose raw text holds a diagnostic
        tester.files.put("https://pastebin.com/raw/AbCd1234", LOG);
        var message = tester.message("here is the log: https://pastebin.com/AbCd1234.");

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the raw URL was fetched and the diagnostic answered
        assertThat(tester.fetched).containsExactly("https://pastebin.com/raw/AbCd1234");
        assertThat(tester.threadNames).hasSize(1);
    }

    @Test
    void largeLogGetsAnAnalysingMessageEditedIntoTheResult() {
        // GIVEN a log larger than the "analysing" threshold
        byte[] large = new byte[(int) AutoReply.LARGE_BYTES + 10];
        java.util.Arrays.fill(large, (byte) '.');
        System.arraycopy(LOG, 0, large, 0, LOG.length);
        var message = tester.message("", tester.attachment("big.log", "text/plain", large));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN "Analysing…" is posted first and then edited into the breakdown
        assertThat(tester.sent.get(0).data.getContent()).startsWith("Analysing big.log");
        assertThat(tester.edits).isNotEmpty();
        assertThat(JdaTester.text(tester.edits.get(0))).contains("ICEWarn");
    }
}
