package io.icewarn.decoder.kb;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of {@code sources.json}. */
public record SourceEntry(
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String url) {}
