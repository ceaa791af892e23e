package io.icewarn.decoder.scan;

import io.icewarn.decoder.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** A capped list of problems; problems past the cap are dropped. Not thread-safe. */
final class Problems {
    private final int max;
    private final List<Problem> list = new ArrayList<>();

    Problems(int max) {
        this.max = max;
    }

    void add(int offset, String message) {
        if (list.size() < max) {
            list.add(new Problem(Math.max(0, offset), message));
        }
    }

    List<Problem> list() {
        return list;
    }
}
