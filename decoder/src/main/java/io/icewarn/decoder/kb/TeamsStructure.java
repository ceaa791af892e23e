package io.icewarn.decoder.kb;

import io.icewarn.decoder.Confidence;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The documented structure of a Teams Direct Routing Microsoft response code, {@code 5 X Y ZZZ}, from the
 * {@code structure} of {@code teams-codes.json}: what each part means, and which values of the module digit
 * X are documented. Immutable.
 *
 * @param length the number of digits a code of this structure has (6)
 * @param leading the first digit every such code has (5, the PSTN hub)
 * @param meaning the structure in words
 * @param modules the module digits the sources document
 * @param otherModules what every other module digit means
 * @param unknown what the sources leave open, in words
 */
public record TeamsStructure(
        int length,
        int leading,
        String meaning,
        List<Module> modules,
        Module otherModules,
        String unknown,
        List<String> sources,
        Confidence confidence)
        implements Cited {

    /** The {@code detail} of a module whose last three digits are the SIP response code. */
    public static final String SIP_CODE_DETAIL = "sip-code";

    public TeamsStructure {
        modules = List.copyOf(modules);
        Objects.requireNonNull(otherModules, "otherModules");
    }

    /**
     * What one value of the module digit X means.
     *
     * @param digit the digit, or null for {@code otherModules}
     * @param source the digit Y it holds for, or null for any
     * @param origin who produced the final response: {@code sbc} or {@code microsoft}
     * @param meaning in words
     * @param detail {@value #SIP_CODE_DETAIL} when ZZZ is the SIP response code, else {@code module-specific}
     */
    public record Module(Integer digit, Integer source, String origin, String meaning, String detail) {}

    /**
     * A code read by the structure.
     *
     * @param code the code
     * @param module the module digit X
     * @param source the digit Y
     * @param detail the last three digits ZZZ
     * @param documentedModule what the module digit means
     */
    public record Reading(int code, int module, int source, int detail, Module documentedModule) {
        /** Returns true when ZZZ is the SIP response code (the module says so). */
        public boolean detailIsSipCode() {
            return SIP_CODE_DETAIL.equals(documentedModule.detail());
        }
    }

    /** Returns how {@code code} reads by the structure, or empty when it does not have it (length or first digit). */
    public Optional<Reading> read(int code) {
        String digits = Integer.toString(code);
        if (code < 0 || digits.length() != length || digits.charAt(0) - '0' != leading) {
            return Optional.empty();
        }
        int module = digits.charAt(1) - '0';
        int source = digits.charAt(2) - '0';
        int detail = Integer.parseInt(digits.substring(3));
        Module documented = otherModules;
        for (Module m : modules) {
            if (m.digit() != null && m.digit() == module && (m.source() == null || m.source() == source)) {
                documented = m;
            }
        }
        return Optional.of(new Reading(code, module, source, detail, documented));
    }

    @Override
    public String describe() {
        return "Teams response code structure";
    }
}
