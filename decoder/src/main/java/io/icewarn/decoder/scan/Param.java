package io.icewarn.decoder.scan;

/**
 * One {@code key=value} parameter of a header or report.
 *
 * @param key the key as written
 * @param keyStart offset of the key
 * @param value the value
 */
record Param(String key, int keyStart, Value value) {
    boolean is(String name) {
        return key.equalsIgnoreCase(name);
    }
}
