package io.icewarn.bot.features.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a downloaded file as text, recognising it by its content rather than its name: gzip and zip
 * archives are unpacked as streams (java.util.zip), text is recognised by sniffing the first
 * {@value #SNIFF_BYTES} bytes (UTF-8 or UTF-16, with or without a byte-order mark), and binary content is
 * refused. Never reads more than its budget of unpacked bytes, so archive bombs stop at the cap.
 * Stateless and thread-safe.
 */
public final class LogReader {
    /** File extensions that name a text log. */
    static final Set<String> LOG_EXTENSIONS = Set.of("txt", "log", "uccapilog", "sip", "trc", "xml", "csv", "json");
    /** How much of a file is looked at to decide whether it is text. */
    public static final int SNIFF_BYTES = 4096;
    /** The most entries of one zip archive that are looked at. */
    public static final int MAX_ZIP_ENTRIES = 200;

    /**
     * What was read from one file.
     *
     * @param text the text found, possibly empty
     * @param binary true when the file (or every entry of an archive) was not text
     * @param truncated true when the budget ran out before the end
     * @param bytes how many unpacked bytes were read
     */
    public record Read(String text, boolean binary, boolean truncated, long bytes) {}

    /** Returns the text of {@code raw}, reading at most {@code budget} unpacked bytes. */
    public Read read(InputStream raw, long budget) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        byte[] head = peek(in, 4);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return readText(new BufferedInputStream(new GZIPInputStream(in, 8192)), budget);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return readZip(new ZipInputStream(in), budget);
        }
        return readText(in, budget);
    }

    private Read readZip(ZipInputStream zip, long budget) throws IOException {
        StringBuilder out = new StringBuilder();
        long used = 0;
        int entries = 0;
        boolean anyText = false;
        boolean truncated = false;
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null && entries++ < MAX_ZIP_ENTRIES) {
            if (e.isDirectory()) {
                continue;
            }
            if (used >= budget) {
                truncated = true;
                break;
            }
            Read r = readText(new BufferedInputStream(zip, 8192), budget - used);
            used += r.bytes();
            if (!r.binary()) {
                anyText = true;
                out.append("\n\n----- ").append(e.getName()).append(" -----\n").append(r.text());
            }
            if (r.truncated()) {
                truncated = true;
                break;
            }
        }
        return new Read(out.toString(), !anyText, truncated, used);
    }

    private Read readText(BufferedInputStream in, long budget) throws IOException {
        byte[] head = peek(in, SNIFF_BYTES);
        Charset charset = charset(head);
        if (charset == null) {
            return new Read("", true, false, head.length);
        }
        int limit = (int) Math.min(budget, Integer.MAX_VALUE - 16);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(limit, 1 << 16));
        byte[] buf = new byte[8192];
        boolean truncated = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            int room = limit - bytes.size();
            if (n > room) {
                bytes.write(buf, 0, room);
                truncated = true;
                break;
            }
            bytes.write(buf, 0, n);
        }
        byte[] all = bytes.toByteArray();
        int skip = bomLength(all);
        return new Read(new String(all, skip, all.length - skip, charset), false, truncated, all.length);
    }

    /** Returns the charset the sniffed bytes are text in, or null when they look binary. */
    static Charset charset(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        int zerosOdd = 0;
        int zerosEven = 0;
        int control = 0;
        for (int i = 0; i < head.length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        int half = head.length / 2;
        if (half > 8 && zerosOdd > half * 0.9 && zerosEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (half > 8 && zerosEven > half * 0.9 && zerosOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (zerosOdd + zerosEven > 0 || control > head.length / 20) {
            return null;
        }
        return StandardCharsets.UTF_8;
    }

    private static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return 3;
        }
        if (b.length >= 2
                && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)) {
            return 2;
        }
        return 0;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n + 1);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }
}
