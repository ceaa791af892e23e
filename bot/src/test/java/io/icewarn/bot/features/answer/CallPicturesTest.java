package io.icewarn.bot.features.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.icewarn.bot.features.decode.DecodeService;
import io.icewarn.bot.reply.ReplyAttachment;
import io.icewarn.decoder.Decoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class CallPicturesTest {
    private static final Decoder DECODER = Decoder.standard();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final ExecutorService drawing = Executors.newSingleThreadExecutor();
    private final AtomicInteger drawn = new AtomicInteger();

    @AfterEach
    void stop() {
        drawing.shutdownNow();
    }

    static String trace() throws Exception {
        return DecodeService.normalise(Files.readString(
                Path.of(CallPicturesTest.class
                        .getResource("/flow/02-federated-edge.uccapilog")
                        .toURI()),
                StandardCharsets.UTF_8));
    }

    private CallPictures pictures(CallPictures.Drawer drawer, Duration timeout) {
        return new CallPictures(
                DECODER::flow,
                l -> {
                    drawn.incrementAndGet();
                    return drawer.png(l);
                },
                drawing,
                timeout,
                Duration.ofMinutes(5));
    }

    @Test
    void picture_traceWithADialog_isThePngOfTheFailedDialog() throws Exception {
        Optional<ReplyAttachment> p = pictures(l -> PNG, Duration.ofSeconds(5)).picture(trace(), false);
        assertThat(p).hasValueSatisfying(a -> {
            assertThat(a.fileName()).isEqualTo(CallPictures.FILE_NAME);
            assertThat(a.mediaType()).isEqualTo("image/png");
            assertThat(a.data()).isEqualTo(PNG);
            assertThat(a.description()).startsWith("Call flow: INVITE dialog").contains("failed at 14:02:41.377");
        });
    }

    @Test
    void picture_textWithoutSipMessages_isEmptyAndNothingIsDrawn() {
        CallPictures pictures = pictures(l -> PNG, Duration.ofSeconds(5));
        assertThat(pictures.picture("ms-diagnostics: 1034;reason=\"Previous hop\"", false))
                .isEmpty();
        assertThat(drawn).hasValue(0);
    }

    @Test
    void picture_textWithoutSipMessages_neverWaitsForTheDrawingThread() {
        CallPictures pictures = new CallPictures(
                DECODER::flow,
                l -> PNG,
                r -> {
                    throw new AssertionError("the drawing thread was asked");
                },
                Duration.ofSeconds(5),
                Duration.ofMinutes(5));
        assertThat(pictures.picture("ms-client-diagnostics: 24; reason=\"x\"", false))
                .isEmpty();
    }

    @Test
    void mayHoldDialog_findsTheSipVersionInAnyCase() {
        assertThat(CallPictures.mayHoldDialog("INVITE sip:bob@x SIP/2.0")).isTrue();
        assertThat(CallPictures.mayHoldDialog("sip/2.0 200 ok")).isTrue();
        assertThat(CallPictures.mayHoldDialog("SIP/2.")).isFalse();
        assertThat(CallPictures.mayHoldDialog("")).isFalse();
        assertThat(CallPictures.mayHoldDialog("ms-diagnostics: 1034")).isFalse();
    }

    @Test
    void picture_singleMessage_isEmpty() {
        String one = "SIP/2.0 480 Temporarily Unavailable\nCall-ID: 1\nCSeq: 1 INVITE\nFrom: <sip:a@b>;tag=1\n"
                + "To: <sip:c@d>;tag=2\nms-diagnostics: 1034;reason=\"Previous hop\"";
        assertThat(pictures(l -> PNG, Duration.ofSeconds(5)).picture(one, false))
                .isEmpty();
        assertThat(drawn).hasValue(0);
    }

    @Test
    void picture_sameTextTwice_isDrawnOnceAndCachedPerRedaction() throws Exception {
        CallPictures pictures = pictures(l -> PNG, Duration.ofSeconds(5));
        assertThat(pictures.picture(trace(), false)).isPresent();
        assertThat(pictures.picture(trace(), false)).isPresent();
        assertThat(drawn).hasValue(1);
        assertThat(pictures.picture(trace(), true)).isPresent();
        assertThat(drawn).hasValue(2);
    }

    @Test
    void picture_slowDrawing_isLeftOutWithinTheTimeoutAndKeptForTheNextAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        CallPictures pictures = pictures(
                l -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.countDown();
                    return PNG;
                },
                Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(pictures.picture(trace(), false)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // the future completes right after the drawer returns
        assertThat(pictures.picture(trace(), false)).isPresent();
        assertThat(drawn).hasValue(1);
    }

    @Test
    void picture_drawingFails_isEmpty() throws Exception {
        CallPictures pictures = pictures(
                l -> {
                    throw new IOException("no fonts");
                },
                Duration.ofSeconds(5));
        assertThat(pictures.picture(trace(), false)).isEmpty();
    }

    @Test
    void picture_queueFull_isEmptyAtOnce() throws Exception {
        CallPictures pictures = new CallPictures(
                DECODER::flow,
                l -> PNG,
                r -> {
                    throw new RejectedExecutionException("full");
                },
                Duration.ofSeconds(5),
                Duration.ofMinutes(5));
        long start = System.nanoTime();
        assertThat(pictures.picture(trace(), false)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void picture_realDrawing_isAPng() throws Exception {
        // a generous timeout: PlantUML's first drawing in a JVM loads its classes
        CallPictures pictures = new CallPictures(
                DECODER::flow,
                new io.icewarn.bot.render.ladder.LadderPicture()::png,
                drawing,
                Duration.ofSeconds(60),
                Duration.ofMinutes(5));
        assertThat(pictures.picture(trace(), false))
                .hasValueSatisfying(a -> assertThat(a.data()).startsWith(PNG));
    }
}
