package io.icewarn.decoder.kb;

/** One row of {@code sources.json}. */
public record SourceEntry(String key, String title, String url) {}
