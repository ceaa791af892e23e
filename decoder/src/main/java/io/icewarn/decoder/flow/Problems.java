package io.icewarn.decoder.flow;

import io.icewarn.decoder.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The problems of one flow read: capped in number, each kind of message reported once per input. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final int max;

    Problems(int max) {
        this.max = max;
    }

    /** Adds a problem unless the cap is reached or the same message was already reported for {@code input}. */
    void add(int input, int offset, String message) {
        if (list.size() < max && seen.add(input + "\u0000" + message)) {
            list.add(new Problem(offset, message));
        }
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
