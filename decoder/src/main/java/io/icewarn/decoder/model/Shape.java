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
    LOOK_ALIKE,
    /**
     * Teams Direct Routing as the admin center and the PSTN usage report word it: {@code Final SIP code 487},
     * {@code Final Microsoft subcode 540200}, {@code Final SIP phrase …}, in any order.
     */
    TEAMS_REPORT,
    /** One row of the PSTN usage report's CSV export (or an Excel copy), read under its header line. */
    TEAMS_CSV_ROW,
    /**
     * A Teams call record: {@code CallEndReason} / {@code CallEndSubReason = 560484} (QER, call quality
     * dashboard), Microsoft Graph's {@code finalSipCode} / {@code callEndSubReason}, or Azure Communication
     * Services' {@code ParticipantEndReason} / {@code ParticipantEndSubCode}.
     */
    TEAMS_CALL_RECORD,
    /** {@code Reason: Q.850;cause=63;text="…"} of a SIP response or an SBC log line. */
    Q850_REASON
}
