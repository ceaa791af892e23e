package io.icewarn.bot.render.ladder;

import io.icewarn.bot.ladder.Ladder;

/**
 * Lays a {@link Ladder} out as monospaced text: the title, one line per party, then one line per message with
 * its time, an arrow between the parties' lanes and its label; a failure is marked with ✗ and each diagnostic
 * it carries gets a line under it. Decides nothing about wording. Immutable and thread-safe.
 */
public final class TextLadderRenderer {
    /** Characters between two lanes. */
    private static final int LANE = 4;

    /** Returns {@code ladder} as text ending with a line break. */
    public String render(Ladder ladder) {
        StringBuilder b = new StringBuilder();
        b.append(ladder.title()).append('\n');
        for (Ladder.Column c : ladder.columns()) {
            b.append("  ").append(c.letter()).append("  ").append(c.role());
            if (!c.address().isEmpty()) {
                b.append(' ').append(c.address());
            }
            b.append('\n');
        }
        boolean timed = ladder.rows().stream().anyMatch(r -> !r.time().isEmpty());
        String timePad = timed ? " ".repeat(14) : "";
        StringBuilder header = new StringBuilder(timePad);
        for (int i = 0; i < ladder.columns().size(); i++) {
            String letter = ladder.columns().get(i).letter();
            header.append(letter);
            if (i < ladder.columns().size() - 1) {
                header.append(" ".repeat(Math.max(1, LANE - letter.length())));
            }
        }
        b.append(header.toString().stripTrailing()).append('\n');
        for (Ladder.Row r : ladder.rows()) {
            if (timed) {
                b.append(pad(r.time(), 12)).append("  ");
            }
            b.append(arrow(ladder.columns().size(), r.from(), r.to())).append("   ");
            b.append(r.label());
            if (r.failure()) {
                b.append(" ✗");
            }
            b.append('\n');
            for (String d : r.diagnostics()) {
                b.append(timePad)
                        .append(lanes(ladder.columns().size()))
                        .append("     ")
                        .append(d)
                        .append('\n');
            }
        }
        for (String note : ladder.notes()) {
            b.append("  - ").append(note).append('\n');
        }
        return b.toString();
    }

    /** Returns the lanes with an arrow from lane {@code from} to lane {@code to}. */
    static String arrow(int columns, int from, int to) {
        char[] line = lanes(columns).toCharArray();
        if (from == to) {
            line[from * LANE] = '@';
            return new String(line);
        }
        int a = Math.min(from, to) * LANE;
        int z = Math.max(from, to) * LANE;
        for (int k = a + 1; k < z; k++) {
            line[k] = '-';
        }
        if (from < to) {
            line[z - 1] = '>';
        } else {
            line[a + 1] = '<';
        }
        return new String(line);
    }

    private static String lanes(int columns) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            b.append('|');
            if (i < columns - 1) {
                b.append(" ".repeat(LANE - 1));
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
