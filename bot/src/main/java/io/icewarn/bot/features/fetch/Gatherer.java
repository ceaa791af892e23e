package io.icewarn.bot.features.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the text of a message, its attachments and its paste links, within one budget of unpacked
 * bytes. Blocking (downloads): call it off the gateway thread. Thread-safe.
 */
public final class Gatherer {
    private static final Logger LOG = LoggerFactory.getLogger(Gatherer.class);

    private final AttachmentFetcher fetcher;
    private final PasteSites pasteSites;
    private final LogReader reader = new LogReader();
    private final long maxBytes;
    private final Duration timeout;

    /**
     * Returns a gatherer.
     *
     * @param fetcher downloads files
     * @param pasteSites which links are fetched
     * @param maxBytes the most unpacked bytes read per message
     * @param timeout how long reading one file may take
     */
    public Gatherer(AttachmentFetcher fetcher, PasteSites pasteSites, long maxBytes, Duration timeout) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.pasteSites = Objects.requireNonNull(pasteSites, "pasteSites");
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Returns the files of {@code message} worth reading: attachments that are not media, then paste links. */
    public List<FileRef> files(Message message) {
        List<FileRef> files = new ArrayList<>();
        for (Message.Attachment a : message.getAttachments()) {
            FileRef f = FileRef.of(a);
            if (!f.media()) {
                files.add(f);
            }
        }
        files.addAll(pasteSites.links(message.getContentRaw()));
        return files;
    }

    /** Returns the paste-site links in {@code text} as files to fetch. */
    public List<FileRef> links(String text) {
        return pasteSites.links(text);
    }

    /** Returns the readable text of {@code message}. */
    public Gathered gather(Message message) {
        return gather(message.getContentRaw(), files(message));
    }

    /** Returns {@code content} followed by the text of {@code files}. */
    public Gathered gather(String content, List<FileRef> files) {
        StringBuilder text = new StringBuilder(content);
        List<String> notes = new ArrayList<>();
        long budget = maxBytes - content.getBytes(StandardCharsets.UTF_8).length;
        int read = 0;
        for (FileRef f : files) {
            if (f.size() > maxBytes) {
                notes.add(f.name() + " is " + size(f.size()) + ", more than the " + size(maxBytes)
                        + " I read; paste the lines with the diagnostic instead, or attach a .zip of the log.");
                continue;
            }
            if (budget <= 0) {
                notes.add(f.name() + " was not read: the message's files together exceed " + size(maxBytes) + ".");
                continue;
            }
            LogReader.Read r;
            try (InputStream in = new Deadline(fetcher.open(f.url()), timeout)) {
                r = reader.read(in, budget);
            } catch (IOException | RuntimeException e) {
                LOG.info("could not read {}: {}", f.name(), e.toString());
                if (f.claimsLog()) {
                    notes.add(f.name() + " could not be downloaded or read (broken file or timeout).");
                }
                continue;
            }
            if (r.binary()) {
                if (f.claimsLog()) {
                    notes.add(f.name() + " is not a text log (binary content); attach the .log or .txt file, "
                            + "or a .zip or .gz of it.");
                }
                continue;
            }
            budget -= r.bytes();
            read++;
            text.append("\n\n----- ").append(f.name()).append(" -----\n").append(r.text());
            if (r.truncated()) {
                notes.add("Only the first " + size(maxBytes) + " of " + f.name() + " were read.");
            }
        }
        return new Gathered(text.toString(), notes, read);
    }

    /** Returns {@code bytes} in words, e.g. {@code 8 MB} or {@code 512 KB}. */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return bytes + " bytes";
    }

    /** Fails a read that goes on past the deadline (a stalled download). */
    private static final class Deadline extends FilterInputStream {
        private final long deadline;

        Deadline(InputStream in, Duration timeout) {
            super(in);
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        private void check() throws IOException {
            if (System.nanoTime() > deadline) {
                throw new IOException("timed out");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }
    }
}
