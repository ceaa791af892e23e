package io.icewarn.bot.features.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.Fixtures;
import io.icewarn.bot.discord.JdaTester;
import io.icewarn.bot.discord.JdaTester.SettingsBuilder;
import io.icewarn.bot.features.answer.CallPictures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import okhttp3.MultipartBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The picture of the call in the automatic answer, through Mockito'd JDA. */
final class CallPictureReplyTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Every address and host name of the federated trace (corpus 02). */
    private static final List<String> ADDRESSES =
            List.of("10.20.30.41", "192.0.2.10", "contoso.com", "fabrikam.com", "fe01", "sip.fabrikam");

    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

    private JdaTester tester = new JdaTester();

    @AfterEach
    void everyMessageIsSafe() {
        tester.assertAllSafe();
    }

    static String corpus(String file) {
        try {
            return Files.readString(
                    Path.of(CallPictureReplyTest.class
                            .getResource("/flow/" + file)
                            .toURI()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPastedTraceIsAnsweredWithItsLadderAsAnImageInTheEmbed() throws IOException {
        // GIVEN a pasted client log whose INVITE failed with a diagnostic
        var message = tester.message(corpus("02-federated-edge.uccapilog"));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the answer's first message uploads a PNG, sent as image/png, and its embed shows that file
        assertThat(tester.sent).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        MessageCreateData first = tester.sent.get(0).data;
        List<FileUpload> files = new ArrayList<>(first.getFiles());
        assertThat(files).extracting(FileUpload::getName).containsExactly(CallPictures.FILE_NAME);
        byte[] png = upload(files.get(0), "image/png");
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_MAGIC);
        assertThat(png.length).isGreaterThan(5_000);
        assertThat(files.get(0).getDescription()).startsWith("Call flow: INVITE dialog");
        MessageEmbed embed = first.getEmbeds().get(0);
        assertThat(embed.getImage()).isNotNull();
        assertThat(embed.getImage().getUrl()).isEqualTo("attachment://" + CallPictures.FILE_NAME);
        // and only the first message carries it
        tester.sent.stream().skip(1).forEach(s -> assertThat(s.data.getFiles()).isEmpty());
    }

    @Test
    void theUploadCanBeSentTwice() throws IOException {
        // GIVEN the answer to a trace
        tester.router.onMessageReceived(tester.received(tester.message(corpus("02-federated-edge.uccapilog"))));
        FileUpload file = tester.sent.get(0).data.getFiles().get(0);

        // WHEN its body is written twice (a retried request, an edit that sends the file again)
        // THEN both are the whole picture
        assertThat(upload(file, "image/png")).isEqualTo(upload(file, "image/png"));
    }

    @Test
    void theTicketNamesThePictureAndCarriesIt() {
        // GIVEN a pasted trace
        var original = tester.message(corpus("02-federated-edge.uccapilog"));

        // WHEN "Ticket" is clicked under its answer
        tester.router.onButtonInteraction(tester.button(
                "iw:tkt:" + JdaTester.CHANNEL_ID + ":" + original.getIdLong(), 77_777L, tester.user(9), null));

        // THEN the private ticket names the picture and carries it
        assertThat(tester.sent).hasSize(1);
        MessageCreateData ticket = tester.sent.get(0).data;
        assertThat(ticket.getFiles()).extracting(FileUpload::getName).contains(CallPictures.FILE_NAME);
        assertThat(ticket.getContent() + ticket.getFiles()).contains(CallPictures.FILE_NAME);
    }

    @Test
    void aPasteWithoutSipMessagesHasNoPicture() {
        // GIVEN the seed paste, a diagnostic without SIP messages
        tester.router.onMessageReceived(tester.received(tester.message(Fixtures.SEED_24)));

        // THEN the answer has no file and no image
        assertThat(tester.sent).hasSize(1);
        assertThat(tester.sent.get(0).data.getFiles()).isEmpty();
        assertThat(tester.sent.get(0).data.getEmbeds().get(0).getImage()).isNull();
        assertThat(tester.pictureSources).isEmpty();
    }

    @Test
    void anAttachedLogIsAnsweredWithItsLadder() {
        // GIVEN a client log attached as a file
        byte[] log = corpus("02-federated-edge.uccapilog").getBytes(StandardCharsets.UTF_8);
        var message = tester.message("", tester.attachment("Lync-UccApi-0.UccApilog", "text/plain", log));

        // WHEN it arrives
        tester.router.onMessageReceived(tester.received(message));

        // THEN the answer carries the picture
        assertThat(tester.sent.get(0).data.getFiles())
                .extracting(FileUpload::getName)
                .containsExactly(CallPictures.FILE_NAME);
    }

    @Test
    void withRedactionOnNoAddressReachesThePicture() {
        // GIVEN a bot that redacts
        SettingsBuilder settings = new SettingsBuilder();
        settings.redact = true;
        tester = new JdaTester(settings);

        // WHEN the federated trace is pasted
        tester.router.onMessageReceived(tester.received(tester.message(corpus("02-federated-edge.uccapilog"))));

        // THEN a picture was drawn and its source holds no address or host name, masked as in the text
        assertThat(tester.sent.get(0).data.getFiles()).hasSize(1);
        assertThat(tester.pictureSources).hasSize(1);
        String source = tester.pictureSources.get(0);
        assertThat(source).contains("~[ip~]").contains("~[host~]"); // [ip], [host], escaped for PlantUML
        assertThat(IPV4.matcher(source).find()).as(source).isFalse();
        for (String a : ADDRESSES) {
            assertThat(source).as(a).doesNotContain(a);
        }
        // nor the picture's alt text
        assertThat(tester.sent.get(0).data.getFiles().get(0).getDescription()).doesNotContain("contoso");
    }

    @Test
    void withoutRedactionThePictureNamesTheParties() {
        // GIVEN the default bot (no redaction): the check above would catch addresses
        tester.router.onMessageReceived(tester.received(tester.message(corpus("02-federated-edge.uccapilog"))));

        // THEN the picture's source names them
        assertThat(tester.pictureSources).singleElement().asString().contains("10.20.30.41");
    }

    /** Returns the bytes of {@code file}'s multipart part, asserting its media type. */
    private static byte[] upload(FileUpload file, String mediaType) throws IOException {
        MultipartBody.Builder body = new MultipartBody.Builder();
        file.addPart(body, 0);
        MultipartBody.Part part = body.build().part(0);
        assertThat(part.body().contentType()).hasToString(mediaType);
        Buffer out = new Buffer();
        part.body().writeTo(out);
        return out.readByteArray();
    }
}
