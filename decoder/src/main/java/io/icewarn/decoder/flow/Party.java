package io.icewarn.decoder.flow;

import java.util.Objects;

/**
 * One column of a ladder: a side of a SIP dialog as the log shows it.
 *
 * @param kind what the log shows of it
 * @param address how the log names it, as written: an address with its port ({@code 192.0.2.10:5061}), a host
 *     name ({@code edge.contoso.com}) or a URI ({@code sip:bob@fabrikam.com}); empty when the log does not
 *     name it (the server that wrote a server trace)
 */
public record Party(Kind kind, String address) {
    /** What the log shows of a party. */
    public enum Kind {
        /** The side that wrote the log: the client of a {@code .uccapilog}, the server of a server trace. */
        LOCAL,
        /** The next hop, known by the address the log says it sent to or received from. */
        PEER,
        /** A proxy on the way, named in a {@code Record-Route} or {@code Via} header; no arrow of the log touches it. */
        HOP,
        /** An endpoint known by its URI: the far end of a log, or the caller and callee of a pasted trace. */
        USER
    }

    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }
}
