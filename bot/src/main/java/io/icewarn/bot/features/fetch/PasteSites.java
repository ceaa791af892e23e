package io.icewarn.bot.features.fetch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns links to common paste sites into their raw-text URLs. The rules are data
 * ({@code io/icewarn/bot/pastesites.json}); to support a site, add an entry there. Only links a rule
 * matches are ever fetched. Immutable and thread-safe.
 */
public final class PasteSites {
    /** The most links read from one message. */
    public static final int MAX_LINKS = 3;

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>()\"'`|]{1,300}");

    private final List<Rule> rules;

    /**
     * One paste site.
     *
     * @param name a name for logs
     * @param link a regular expression the whole link must match
     * @param raw the raw URL, with {@code $1}… for the link's groups
     */
    public record Rule(String name, Pattern link, String raw) {
        @JsonCreator
        public Rule(
                @JsonProperty(value = "name", required = true) String name,
                @JsonProperty(value = "link", required = true) String link,
                @JsonProperty(value = "raw", required = true) String raw) {
            this(name, Pattern.compile(link), raw);
        }

        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(raw, "raw");
        }
    }

    public PasteSites(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Returns the rules shipped in {@code pastesites.json}. */
    public static PasteSites standard() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PasteSites.class.getResourceAsStream("/io/icewarn/bot/pastesites.json")) {
            if (in == null) {
                throw new IllegalStateException("pastesites.json is missing from the jar");
            }
            return new PasteSites(mapper.readValue(in, new TypeReference<List<Rule>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("pastesites.json is malformed", e);
        }
    }

    /** Returns the raw URL for {@code link}, or null when no rule matches it. */
    public String raw(String link) {
        for (Rule r : rules) {
            Matcher m = r.link().matcher(link);
            if (m.matches()) {
                return m.replaceFirst(r.raw());
            }
        }
        return null;
    }

    /** Returns the paste links in {@code text} as files to fetch, at most {@value #MAX_LINKS}, in order. */
    public List<FileRef> links(String text) {
        Set<String> raws = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find() && raws.size() < MAX_LINKS) {
            String link = m.group().replaceAll("[.,;:!?>]+$", "");
            String raw = raw(link);
            if (raw != null) {
                raws.add(raw);
            }
        }
        List<FileRef> out = new ArrayList<>();
        raws.forEach(r -> out.add(new FileRef(r, r, -1, "")));
        return out;
    }
}
