package io.icewarn.bot.ladder;

import java.util.List;
import java.util.Objects;

/**
 * One SIP dialog laid out as a ladder: what the text ladder and the picture show, worded, sanitised and
 * (when asked) redacted by {@link LadderBuilder}. Renderers only lay it out.
 *
 * @param title one line: method, Call-ID, number of messages, date, outcome
 * @param columns the parties, left to right
 * @param rows the messages in time order
 * @param notes what was left out or could not be shown
 * @param failed whether a message of the dialog says its request failed
 */
public record Ladder(String title, List<Column> columns, List<Row> rows, List<String> notes, boolean failed) {
    public Ladder {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (Row r : rows) {
            if (r.from() >= columns.size() || r.to() >= columns.size()) {
                throw new IllegalArgumentException("a row's column is out of range");
            }
        }
    }

    /**
     * One party.
     *
     * @param letter its short name in the text ladder ({@code A}, {@code B}, …)
     * @param role what it is ({@code this client}, {@code peer}, {@code proxy}, {@code caller}, …)
     * @param address how the log names it; empty when it does not
     */
    public record Column(String letter, String role, String address) {
        public Column {
            Objects.requireNonNull(letter, "letter");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * One message.
     *
     * @param time when it was sent or received ({@code 03:17:30.168}); empty when the text does not say
     * @param from the column that sent it
     * @param to the column it went to
     * @param label its method, or its status and reason phrase
     * @param failure whether it says its request failed
     * @param diagnostics each diagnostic it carries: header, ID and reason
     */
    public record Row(String time, int from, int to, String label, boolean failure, List<String> diagnostics) {
        public Row {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(label, "label");
            diagnostics = List.copyOf(diagnostics);
            if (from < 0 || to < 0) {
                throw new IllegalArgumentException("negative column");
            }
        }
    }
}
