package io.icewarn.decoder.model;

/** The written form a diagnostic was found in (domain reference §3.1 and §6). */
public enum Shape {
    /** {@code ms-client-diagnostics: 24; reason="…";CallerMediaDebug="media:ICEWarn=…"}. */
    CLIENT_MEDIA_DEBUG,
    /** {@code ms-client-diagnostics: 22; reason="…";UserType="Callee";MediaType="audio";MediaChanBlob="…"}. */
    CLIENT_MEDIA_CHAN_BLOB,
    /** {@code ms-client-diagnostics} with neither MediaDebug nor MediaChanBlob (e.g. 52017). */
    CLIENT_PLAIN,
    /** Monitoring report form: {@code 25; reason="…"; UserType="Callee"; MediaType="audio"; ICEWarn="…"}. */
    MONITORING_REPORT,
    /** A {@code CallerMediaDebug="…"} / {@code CalleeMediaDebug="…"} fragment pasted without its header. */
    BARE_MEDIA_DEBUG,
    /** {@code ms-diagnostics: 1008;reason="…";source="…"}. */
    SERVER,
    /** {@code ms-diagnostics-public: 4141;reason="…"}. */
    SERVER_PUBLIC,
    /** {@code a=x-ms-SDP-diagnostics:7008;reason="…"}. */
    SDP,
    /** {@code <IceWarningFlags>} / {@code <Ice>} elements of a pasted QoE report. */
    QOE_REPORT,
    /** A header of another product that looks like a Lync diagnostic ({@code x-ms-diagnostics}). */
    LOOK_ALIKE
}
