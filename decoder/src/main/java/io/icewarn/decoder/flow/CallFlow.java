package io.icewarn.decoder.flow;

import io.icewarn.decoder.model.Problem;
import java.util.List;

/**
 * The SIP dialogs found in one or more texts.
 *
 * @param dialogs the dialogs kept, ordered by their first message (by time when every dialog has one, else
 *     as written); at most {@link FlowReader#MAX_DIALOGS}
 * @param omittedDialogs how many more dialogs were read but not kept (those with no failure and no
 *     diagnostic go first)
 * @param problems what could not be read as intended, at most {@link FlowReader#MAX_PROBLEMS}; offsets are in
 *     the input the problem was met in
 */
public record CallFlow(List<Dialog> dialogs, int omittedDialogs, List<Problem> problems) {
    public CallFlow {
        dialogs = List.copyOf(dialogs);
        problems = List.copyOf(problems);
        if (omittedDialogs < 0) {
            throw new IllegalArgumentException("negative omittedDialogs");
        }
    }

    /** Returns true when no dialog was found. */
    public boolean isEmpty() {
        return dialogs.isEmpty();
    }
}
