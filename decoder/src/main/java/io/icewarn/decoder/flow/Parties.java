package io.icewarn.decoder.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out the parties of a dialog from what its messages show, and who sent each message to whom.
 *
 * <p>A log says which side sent what: the side that wrote it is {@link Party.Kind#LOCAL}, each address it
 * sent to or received from a {@link Party.Kind#PEER}, and the far end is named by the URI of the first
 * request ({@code To} when the log's side started the dialog, {@code From} when the other side did). Proxies
 * named in {@code Record-Route} (or, without one, in the {@code Via} of a request received) lie between the
 * peer and the far end. A pasted trace without a log frame says none of that: the caller ({@code From} of
 * the first message) and the callee ({@code To}, or the Request-URI when both are the same URI, as in a
 * REGISTER) exchange every message, with the proxies of its headers between them.
 *
 * <p>Columns go left to right from the side that started the dialog.
 */
final class Parties {
    private Parties() {}

    private static final Party NOBODY = new Party(Party.Kind.USER, "");

    /** Returns the dialog of {@code drafts} (ordered) with its parties. */
    static Dialog dialog(String callId, List<Draft> drafts, int omitted) {
        boolean framed = drafts.stream().anyMatch(d -> d.direction() != Direction.UNKNOWN);
        return framed ? logged(callId, drafts, omitted) : pasted(callId, drafts, omitted);
    }

    private static Dialog logged(String callId, List<Draft> drafts, int omitted) {
        String localAddress = "";
        for (Draft d : drafts) {
            if (d.direction() != Direction.UNKNOWN && !d.local().isEmpty()) {
                localAddress = d.local();
                break;
            }
        }
        Party local = new Party(Party.Kind.LOCAL, localAddress);
        Set<Party> upstream = new LinkedHashSet<>();
        Set<Party> downstream = new LinkedHashSet<>();
        List<SipMessage> messages = new ArrayList<>();
        Set<Party> pastedParties = new LinkedHashSet<>();
        for (Draft d : drafts) {
            if (d.direction() == Direction.UNKNOWN) {
                Party sender = new Party(Party.Kind.USER, d.isRequest() ? d.fromUri() : d.toUri());
                Party receiver = new Party(Party.Kind.USER, d.isRequest() ? d.toUri() : d.fromUri());
                pastedParties.add(sender);
                pastedParties.add(receiver);
                messages.add(d.toMessage(sender, receiver));
                continue;
            }
            Party peer = new Party(Party.Kind.PEER, d.peer());
            if (!upstream.contains(peer) && !downstream.contains(peer)) {
                boolean towardsCallee = (d.direction() == Direction.SENT) == d.isRequest();
                (towardsCallee ? downstream : upstream).add(peer);
            }
            messages.add(d.direction() == Direction.SENT ? d.toMessage(local, peer) : d.toMessage(peer, local));
        }
        Draft first = firstRequest(drafts);
        boolean startedHere =
                first.direction() == Direction.UNKNOWN || (first.direction() == Direction.SENT) == first.isRequest();
        boolean self = first.toUri().equalsIgnoreCase(first.fromUri());
        // the caller is drawn when the log's side did not start the dialog; the callee when the request went on
        Party caller = !startedHere && !self ? user(first.fromUri()) : NOBODY;
        Party callee = (startedHere || !downstream.isEmpty()) && !self ? user(first.toUri()) : NOBODY;
        Set<String> known = new HashSet<>();
        known.add(SipLines.hostOnly(localAddress));
        for (Party p : upstream) {
            known.add(SipLines.hostOnly(p.address()));
        }
        for (Party p : downstream) {
            known.add(SipLines.hostOnly(p.address()));
        }
        known.add(SipLines.hostOnly(SipLines.uriHost(caller.address())));
        known.add(SipLines.hostOnly(SipLines.uriHost(callee.address())));
        List<Party> towardsCaller = loggedHops(drafts, true, known);
        List<Party> towardsCallee = loggedHops(drafts, false, known);
        List<Party> parties = new ArrayList<>();
        addIfSomebody(parties, caller);
        for (int i = towardsCaller.size() - 1; i >= 0; i--) {
            addIfSomebody(parties, towardsCaller.get(i));
        }
        parties.addAll(upstream);
        parties.add(local);
        parties.addAll(downstream);
        for (Party p : towardsCallee) {
            addIfSomebody(parties, p);
        }
        addIfSomebody(parties, callee);
        for (Party p : pastedParties) {
            addIfSomebody(parties, p);
        }
        return new Dialog(callId, parties, messages, omitted);
    }

    private static Party user(String uri) {
        return uri.isEmpty() ? NOBODY : new Party(Party.Kind.USER, uri);
    }

    /**
     * Returns the proxies between the log's side and the caller ({@code towardsCaller}: named in the
     * Record-Route, or else the Via, of a request received) or the callee (named in the Record-Route of a
     * response received), nearest first, leaving out {@code known} hosts.
     */
    private static List<Party> loggedHops(List<Draft> drafts, boolean towardsCaller, Set<String> known) {
        for (Draft d : drafts) {
            if (d.direction() != Direction.RECEIVED || d.isRequest() != towardsCaller) {
                continue;
            }
            List<String> hosts;
            if (!d.recordRoute().isEmpty()) {
                // Record-Route lists the proxy nearest the callee first
                hosts = new ArrayList<>(d.recordRoute());
                if (!towardsCaller) {
                    Collections.reverse(hosts);
                }
            } else if (towardsCaller && d.via().size() >= 2) {
                // Via lists the last proxy first and the caller last, who is a party already
                hosts = d.via().subList(0, d.via().size() - 1);
            } else {
                continue;
            }
            // a proxy listed before a known party is on this side of it: the log's own server, or that party
            int lastKnown = -1;
            for (int i = 0; i < hosts.size(); i++) {
                if (known.contains(SipLines.hostOnly(hosts.get(i)))) {
                    lastKnown = i;
                }
            }
            return hopParties(hosts.subList(lastKnown + 1, hosts.size()), known);
        }
        return List.of();
    }

    private static List<Party> hopParties(List<String> hosts, Set<String> known) {
        Set<String> seen = new HashSet<>(known);
        List<Party> hops = new ArrayList<>();
        for (String h : hosts) {
            if (hops.size() < FlowReader.MAX_HOPS && seen.add(SipLines.hostOnly(h))) {
                hops.add(new Party(Party.Kind.HOP, h));
            }
        }
        return hops;
    }

    private static Dialog pasted(String callId, List<Draft> drafts, int omitted) {
        Draft first = drafts.get(0);
        for (Draft d : drafts) {
            if (!d.fromUri().isEmpty() || !d.toUri().isEmpty()) {
                first = d; // fragments without From and To say nothing of the parties
                break;
            }
        }
        String callerUri = first.fromUri();
        String calleeUri = first.toUri();
        boolean self = calleeUri.isEmpty() || calleeUri.equalsIgnoreCase(callerUri);
        Party caller = new Party(Party.Kind.USER, callerUri);
        Party callee;
        if (self) {
            Draft request = first.isRequest() ? first : firstRequest(drafts);
            String registrar = request.isRequest() ? SipLines.uri(request.requestUri()) : "";
            if (registrar.isEmpty() || registrar.equalsIgnoreCase(callerUri)) {
                registrar = SipLines.uriHost(callerUri);
            }
            callee = new Party(registrar.isEmpty() ? Party.Kind.USER : Party.Kind.HOP, registrar);
            if (callee.equals(caller)) {
                callee = new Party(Party.Kind.HOP, "");
            }
        } else {
            callee = new Party(Party.Kind.USER, calleeUri);
        }
        List<SipMessage> messages = new ArrayList<>();
        for (Draft d : drafts) {
            boolean requestFromCallee =
                    !self && !calleeUri.isEmpty() && d.fromUri().equalsIgnoreCase(calleeUri);
            boolean fromCaller = d.isRequest() != requestFromCallee;
            messages.add(fromCaller ? d.toMessage(caller, callee) : d.toMessage(callee, caller));
        }
        Set<String> known = new HashSet<>();
        known.add(SipLines.hostOnly(SipLines.uriHost(callerUri)));
        known.add(SipLines.hostOnly(SipLines.uriHost(callee.address())));
        List<Party> parties = new ArrayList<>();
        parties.add(caller);
        parties.addAll(pastedHops(drafts, known));
        parties.add(callee);
        return new Dialog(callId, parties, messages, omitted);
    }

    /** Returns the proxies a pasted trace's headers name, from the caller to the callee, leaving out {@code known} hosts. */
    private static List<Party> pastedHops(List<Draft> drafts, Set<String> known) {
        for (Draft d : drafts) {
            if (!d.recordRoute().isEmpty()) {
                List<String> hosts = new ArrayList<>(d.recordRoute());
                Collections.reverse(hosts); // the proxy nearest the callee comes first
                return hopParties(hosts, known);
            }
        }
        for (Draft d : drafts) {
            if (d.isRequest() && d.via().size() >= 2) {
                List<String> hosts = new ArrayList<>(d.via().subList(0, d.via().size() - 1));
                Collections.reverse(hosts); // the last proxy comes first, the caller (a party) last
                return hopParties(hosts, known);
            }
        }
        return List.of();
    }

    private static Draft firstRequest(List<Draft> drafts) {
        for (Draft d : drafts) {
            if (d.isRequest()) {
                return d;
            }
        }
        return drafts.get(0);
    }

    private static void addIfSomebody(List<Party> parties, Party p) {
        if (p != NOBODY && !parties.contains(p)) {
            parties.add(p);
        }
    }
}
