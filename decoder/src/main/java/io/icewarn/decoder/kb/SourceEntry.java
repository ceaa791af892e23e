package io.icewarn.decoder.kb;

/**
 * One row of {@code sources.json}.
 *
 * @param key the citation key ({@code S40})
 * @param label a short name a reader recognises (a title or site, at most 48 characters), used as link
 *     text; null only in data written before labels existed, which the compliance test refuses
 * @param title the full title
 * @param url where to read it, possibly empty
 */
public record SourceEntry(String key, String label, String title, String url) {}
