package io.icewarn.bot.e2e.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One gateway payload or connection event, as recorded. Payloads from the bot keep their token fields
 * replaced by {@code "<token>"}.
 *
 * @param seq the order over the simulator's life, from 1
 * @param at when it happened
 * @param nanos {@link System#nanoTime()} then
 * @param connection which WebSocket connection (1, 2, … in order of opening)
 * @param direction who sent it, or {@link Direction#OPEN}/{@link Direction#CLOSE} for connection events
 * @param op the gateway opcode ({@code -1} for connection events)
 * @param type the dispatch type ({@code t}) or {@code null}
 * @param s the dispatch sequence number or {@code null}
 * @param d the payload data ({@code d}); for CLOSE, the close code as a number
 */
public record GatewayOp(
        long seq,
        Instant at,
        long nanos,
        int connection,
        Direction direction,
        int op,
        String type,
        Long s,
        JsonNode d) {

    /** Who sent a payload. */
    public enum Direction {
        /** The bot sent it to the simulator. */
        FROM_BOT,
        /** The simulator sent it to the bot. */
        TO_BOT,
        /** A connection opened. */
        OPEN,
        /** A connection closed ({@code d} holds the code). */
        CLOSE
    }

    /** Opcodes of the Discord gateway. */
    public static final int DISPATCH = 0,
            HEARTBEAT = 1,
            IDENTIFY = 2,
            PRESENCE = 3,
            RESUME = 6,
            RECONNECT = 7,
            INVALID_SESSION = 9,
            HELLO = 10,
            HEARTBEAT_ACK = 11;

    /** Returns true for a payload from the bot with opcode {@code op}. */
    public boolean fromBot(int op) {
        return direction == Direction.FROM_BOT && this.op == op;
    }

    /** Returns true for a dispatch of {@code type} sent to the bot. */
    public boolean dispatched(String type) {
        return direction == Direction.TO_BOT && op == DISPATCH && type.equals(this.type);
    }

    @Override
    public String toString() {
        return "#" + seq + " conn " + connection + " " + direction + " op " + op + (type == null ? "" : " " + type)
                + (s == null ? "" : " s=" + s);
    }
}
