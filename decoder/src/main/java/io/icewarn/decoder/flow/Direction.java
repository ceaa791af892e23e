package io.icewarn.decoder.flow;

/** Which way a SIP message went, from the side that wrote the log. */
public enum Direction {
    /** The log's writer sent it ({@code Sending Packet}, {@code Direction: outgoing}). */
    SENT,
    /** The log's writer received it ({@code Data Received}, {@code Direction: incoming}). */
    RECEIVED,
    /** The text does not say: a SIP message pasted on its own. */
    UNKNOWN
}
