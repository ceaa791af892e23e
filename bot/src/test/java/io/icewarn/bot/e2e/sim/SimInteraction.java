package io.icewarn.bot.e2e.sim;

/**
 * An interaction the simulator dispatched: its ID and its fresh token (which the bot must never log).
 *
 * @param id the interaction ID
 * @param token the interaction token, valid for this interaction's callback and webhook routes only
 */
public record SimInteraction(long id, String token) {
    /** Returns true when {@code call} is this interaction's callback. */
    public boolean isCallback(RestCall call) {
        return call.is("POST", "interactions/{id}/{token}/callback")
                && call.segment(1).equals(Long.toUnsignedString(id));
    }

    /** Returns true when {@code call} is a webhook request (follow-up or edit) with this interaction's token. */
    public boolean isWebhook(RestCall call) {
        return call.path().startsWith("webhooks/") && call.segment(2).equals(token);
    }

    /** Returns true when {@code call} is this interaction's callback or one of its webhook requests. */
    public boolean owns(RestCall call) {
        return isCallback(call) || isWebhook(call);
    }
}
