package io.icewarn.decoder.flow;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups messages by Call-ID with bounded memory: at most {@link FlowReader#MAX_DIALOGS} dialogs of at most
 * {@link FlowReader#MAX_MESSAGES_PER_DIALOG} messages each (the first half and the last half of a longer one).
 * When a new Call-ID comes and the table is full, the least telling dialog goes: first those with no
 * diagnostic, no failure and no INVITE, the oldest first. A dialog left out whose Call-ID comes back with a
 * message that tells more (a failure) starts again with that message. Not thread-safe.
 */
final class DialogTable {
    /** Call-IDs left out, remembered (with how many messages they had) so that counts stay right. */
    private static final int REMEMBERED_LEFT_OUT = 4096;

    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, Integer> leftOut = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_LEFT_OUT;
        }
    };
    private final int maxDialogs;
    private final int maxMessages;
    private int omittedDialogs;
    private int withoutCallId;

    DialogTable(int maxDialogs, int maxMessages) {
        this.maxDialogs = maxDialogs;
        this.maxMessages = maxMessages;
    }

    /** Adds a message to the dialog of its Call-ID. */
    void add(Draft d) {
        if (d.callId().isEmpty()) {
            withoutCallId++;
        }
        Group g = groups.get(d.callId());
        if (g == null) {
            int score = score(d, d.method().equals("INVITE"));
            Integer dropped = leftOut.get(d.callId());
            if (groups.size() >= maxDialogs) {
                Group least = least();
                if (least.score > score || (dropped != null && least.score == score)) {
                    // the new dialog tells less than any kept one (or was already left out): leave it out
                    if (dropped == null) {
                        omittedDialogs++;
                    }
                    leftOut.put(d.callId(), dropped == null ? 1 : dropped + 1);
                    return;
                }
                groups.remove(least.callId);
                leftOut.put(least.callId, least.size() + least.omitted);
                omittedDialogs++;
            }
            g = new Group(d.callId());
            if (dropped != null) {
                leftOut.remove(d.callId());
                g.omitted = dropped;
                omittedDialogs--;
            }
            groups.put(d.callId(), g);
        }
        g.add(d, maxMessages);
    }

    private static int score(Draft d, boolean invite) {
        return (d.failure() ? 4 : 0) + (d.diagnostics().isEmpty() ? 0 : 2) + (invite ? 1 : 0);
    }

    private Group least() {
        Group least = null;
        for (Group g : groups.values()) {
            if (least == null || g.score < least.score || (g.score == least.score && g.lastSeq < least.lastSeq)) {
                least = g;
            }
        }
        return least;
    }

    int omittedDialogs() {
        return omittedDialogs;
    }

    int withoutCallId() {
        return withoutCallId;
    }

    /** Returns the dialogs, each ordered by time, in the order of their first message. */
    List<Dialog> dialogs() {
        List<Group> kept = new ArrayList<>(groups.values());
        List<Dialog> out = new ArrayList<>(kept.size());
        List<List<Draft>> ordered = new ArrayList<>(kept.size());
        for (Group g : kept) {
            ordered.add(order(g.drafts()));
        }
        boolean allTimed = ordered.stream().allMatch(l -> l.get(0).time().isPresent());
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            index.add(i);
        }
        Comparator<Integer> bySeq =
                Comparator.comparingLong(i -> ordered.get(i).get(0).seq());
        index.sort(
                allTimed
                        ? Comparator.<Integer, LocalDateTime>comparing(
                                        i -> ordered.get(i).get(0).time().get())
                                .thenComparing(bySeq)
                        : bySeq);
        for (int i : index) {
            out.add(Parties.dialog(kept.get(i).callId, ordered.get(i), kept.get(i).omitted));
        }
        return out;
    }

    /** Orders a dialog's messages by time when every one has a time, else keeps the order they were read in. */
    static List<Draft> order(List<Draft> drafts) {
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparingLong(Draft::seq));
        if (sorted.stream().allMatch(d -> d.time().isPresent())) {
            sorted.sort(Comparator.comparing(d -> d.time().get())); // stable: equal times keep their order
        }
        return sorted;
    }

    /** The messages of one Call-ID: the first half of the cap, and the latest ones after that. */
    private static final class Group {
        final String callId;
        final List<Draft> first = new ArrayList<>();
        final ArrayDeque<Draft> last = new ArrayDeque<>();
        int omitted;
        int score;
        long lastSeq;
        boolean invite;

        Group(String callId) {
            this.callId = callId;
        }

        void add(Draft d, int max) {
            for (Draft kept : first) {
                if (kept.sameMessageAs(d)) {
                    return;
                }
            }
            for (Draft kept : last) {
                if (kept.sameMessageAs(d)) {
                    return;
                }
            }
            if (d.isRequest() && d.method().equals("INVITE")) {
                invite = true;
            }
            int headRoom = (max + 1) / 2;
            if (first.size() < headRoom) {
                first.add(d);
            } else {
                last.addLast(d);
                if (last.size() > max - headRoom) {
                    last.removeFirst();
                    omitted++;
                }
            }
            score |= DialogTable.score(d, invite);
            lastSeq = d.seq();
        }

        int size() {
            return first.size() + last.size();
        }

        List<Draft> drafts() {
            List<Draft> all = new ArrayList<>(first);
            all.addAll(last);
            return all;
        }
    }
}
