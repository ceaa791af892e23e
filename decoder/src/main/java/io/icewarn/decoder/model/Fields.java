package io.icewarn.decoder.model;

import java.util.List;
import java.util.Optional;

/**
 * The raw fields of a diagnostic in the order they were written. Keys may repeat; lookups are
 * case-insensitive and return the first match.
 *
 * @param entries the fields, copied
 */
public record Fields(List<Field> entries) {
    private static final Fields EMPTY = new Fields(List.of());

    public Fields {
        entries = List.copyOf(entries);
    }

    /** Returns the empty field list. */
    public static Fields empty() {
        return EMPTY;
    }

    /** Returns a field list holding {@code entries} in order. */
    public static Fields of(List<Field> entries) {
        return entries.isEmpty() ? EMPTY : new Fields(entries);
    }

    /** Returns the value of the first field named {@code key} (ignoring case), if any. */
    public Optional<String> get(String key) {
        for (Field f : entries) {
            if (f.key().equalsIgnoreCase(key)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Returns the first non-empty value of a field named {@code key}, if any. */
    public Optional<String> nonEmpty(String key) {
        return get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Returns true when there are no fields. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Returns the number of fields. */
    public int size() {
        return entries.size();
    }
}
