package io.icewarn.decoder.remedy;

import io.icewarn.decoder.kb.PhraseEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Finds which phrases of {@code phrases.json} a pasted reason (or the SIP status carrying it) matches.
 * The reason is split once into lower-case words (runs of letters and digits); a term matches where its
 * words appear one after another. The work is linear in the reason's length for the fixed set of terms,
 * with no regular expression, and only the first {@link #MAX_REASON_CHARS} characters are read.
 * Immutable and thread-safe. Internal to the decoder.
 */
public final class ReasonPhrases {
    /** Longer reasons are cut here: every reason a source documents is far shorter. */
    static final int MAX_REASON_CHARS = 2_000;

    private final List<PhraseEntry> phrases;
    /** Per phrase, per term, its words. */
    private final String[][][] terms;

    /** Returns a matcher for {@code phrases}, in the order given. */
    public ReasonPhrases(List<PhraseEntry> phrases) {
        this.phrases = List.copyOf(phrases);
        this.terms = new String[this.phrases.size()][][];
        for (int p = 0; p < this.phrases.size(); p++) {
            List<String> t = this.phrases.get(p).terms();
            terms[p] = new String[t.size()][];
            for (int i = 0; i < t.size(); i++) {
                terms[p][i] = words(t.get(i)).toArray(new String[0]);
            }
        }
    }

    /**
     * Returns the phrases that {@code reason} or {@code sipStatus} matches, in file order, each once.
     *
     * @param reason the pasted reason text, or null
     * @param sipStatus the SIP status of the response that carried the diagnostic, if pasted
     */
    public List<PhraseEntry> match(String reason, OptionalInt sipStatus) {
        String[] words = reason == null ? new String[0] : words(reason).toArray(new String[0]);
        List<PhraseEntry> matched = new ArrayList<>();
        for (int p = 0; p < phrases.size(); p++) {
            PhraseEntry phrase = phrases.get(p);
            if ((sipStatus.isPresent() && phrase.statuses().contains(sipStatus.getAsInt()))
                    || anyTermIn(terms[p], words)) {
                matched.add(phrase);
            }
        }
        return List.copyOf(matched);
    }

    private static boolean anyTermIn(String[][] phraseTerms, String[] words) {
        for (String[] term : phraseTerms) {
            if (term.length > 0 && contains(words, term)) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when {@code term} occurs in {@code words} as consecutive words. */
    private static boolean contains(String[] words, String[] term) {
        for (int start = 0; start + term.length <= words.length; start++) {
            int k = 0;
            while (k < term.length && words[start + k].equals(term[k])) {
                k++;
            }
            if (k == term.length) {
                return true;
            }
        }
        return false;
    }

    /** Returns the lower-case runs of letters and digits of {@code text}, reading at most the cap. */
    static List<String> words(String text) {
        int end = Math.min(text.length(), MAX_REASON_CHARS);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= end; i++) {
            boolean wordChar = i < end && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }
}
