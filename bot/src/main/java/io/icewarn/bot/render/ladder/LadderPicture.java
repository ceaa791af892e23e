package io.icewarn.bot.render.ladder;

import io.icewarn.bot.ladder.Ladder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * Draws a {@link Ladder} as a sequence diagram with PlantUML: one column per party, arrows in time order,
 * failures and their diagnostics in red. Give it a ladder cut by {@code LadderBuilder.forPicture}, so the
 * work is bounded. Runs headless, with PlantUML's security profile at {@code SANDBOX} (no file or network
 * access from a diagram) unless the JVM sets another; every text is escaped so that nothing from a log is
 * read as PlantUML markup, preprocessor function or link. Decides nothing about wording. Thread-safe.
 */
public final class LadderPicture {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (System.getProperty("PLANTUML_SECURITY_PROFILE") == null) {
            System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
        }
    }

    /** The widest picture, in pixels, that a chat preview shows without shrinking its text below legibility. */
    public static final int MAX_WIDTH = 800;

    /** The colour of a failure. */
    static final String RED = "#C62828";

    /** The colour of a message's time. */
    static final String TIME_GREY = "#5F6B7A";

    /** The longest line of a message label before it is wrapped, in characters. */
    static final int WRAP_CHARS = 26;

    /** The longest line of a party's name before it is wrapped, in characters: columns stay narrow. */
    static final int NAME_WRAP_CHARS = 22;

    /** Returns the PlantUML source of {@code ladder}. */
    public String source(Ladder ladder) {
        StringBuilder b = new StringBuilder(2048);
        b.append("@startuml\n");
        b.append("skinparam shadowing false\n");
        b.append("skinparam defaultFontName DejaVu Sans\n");
        b.append("skinparam defaultFontSize 14\n");
        b.append("skinparam sequenceMessageAlign left\n");
        b.append("skinparam maxMessageSize 360\n");
        b.append("skinparam ParticipantBackgroundColor #EEF2F7\n");
        b.append("skinparam ParticipantBorderColor #5B6B7F\n");
        b.append("skinparam SequenceLifeLineBorderColor #9AA5B1\n");
        b.append("hide footbox\n");
        b.append("title ").append(escape(wrap(ladder.title(), 56))).append('\n');
        for (int i = 0; i < ladder.columns().size(); i++) {
            Ladder.Column c = ladder.columns().get(i);
            StringBuilder name = new StringBuilder(c.letter() + " · " + c.role());
            if (!c.address().isEmpty()) {
                name.append('\n').append(c.address());
            }
            b.append("participant \"")
                    .append(escape(wrap(name.toString().replace('"', '\''), NAME_WRAP_CHARS)))
                    .append("\" as P")
                    .append(i)
                    .append('\n');
        }
        for (Ladder.Row r : ladder.rows()) {
            b.append('P').append(r.from());
            b.append(r.failure() ? " -[" + RED + "]> " : " -> ");
            b.append('P').append(r.to()).append(" : ");
            StringBuilder label = new StringBuilder();
            if (!r.time().isEmpty()) {
                // on a line of its own, small and grey: a column is as wide as its widest label
                label.append("<size:12><color:")
                        .append(TIME_GREY)
                        .append('>')
                        .append(escape(r.time()))
                        .append("</color></size>\\n");
            }
            label.append(styled(r.label(), r.failure(), true));
            for (String d : r.diagnostics()) {
                label.append("\\n").append(styled(d, r.failure(), false));
            }
            b.append(label).append('\n');
        }
        for (String note : ladder.notes()) {
            b.append("note across : ").append(escape(wrap(note, 56))).append('\n');
        }
        b.append("@enduml\n");
        return b.toString();
    }

    /** Returns {@code text} wrapped and escaped, each line in red (and bold when {@code bold}) for a failure. */
    private static String styled(String text, boolean failure, boolean bold) {
        StringBuilder b = new StringBuilder();
        for (String line : wrap(text, WRAP_CHARS).split("\n", -1)) {
            if (b.length() > 0) {
                b.append("\\n");
            }
            String e = escape(line);
            if (failure) {
                b.append("<color:").append(RED).append('>');
                b.append(bold ? "<b>" + e + "</b>" : e);
                b.append("</color>");
            } else {
                b.append(e);
            }
        }
        return b.toString();
    }

    /** Returns the PNG of {@code ladder}. */
    public byte[] png(Ladder ladder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        new SourceStringReader(source(ladder)).outputImage(out, new FileFormatOption(FileFormat.PNG));
        return out.toByteArray();
    }

    /**
     * Returns {@code s} with line breaks before words that would pass {@code width} characters; a longer word
     * is cut at {@code width}.
     */
    static String wrap(String s, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int col = 0;
            for (String word : line.split(" ", -1)) {
                if (col > 0 && col + 1 + word.length() > width) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                while (word.length() > width) {
                    out.append(word, 0, width - col).append('\n');
                    word = word.substring(width - col);
                    col = 0;
                }
                out.append(word);
                col += word.length();
            }
        }
        return out.toString();
    }

    /**
     * Returns {@code s} as literal PlantUML text: line breaks become PlantUML's {@code \n}; characters that start
     * markup, links, comments or preprocessor calls are escaped with {@code ~} or replaced by look-alikes that
     * have no meaning to PlantUML ({@code \}, {@code %}, {@code &}, {@code ~}, {@code '}, braces).
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r', '\t' -> b.append(' ');
                case '\\' -> b.append('\u2216');
                case '%' -> b.append('\uFF05');
                case '&' -> b.append('\uFF06');
                case '~' -> b.append('\u223C');
                case '\'' -> b.append('\u2019');
                case '{' -> b.append('\uFF5B');
                case '}' -> b.append('\uFF5D');
                case '<', '*', '/', '"', '-', '_', '[', ']', '#' ->
                    b.append('~').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
