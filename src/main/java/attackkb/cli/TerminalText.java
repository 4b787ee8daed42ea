package attackkb.cli;

/** Shows a snippet's HTML in a terminal: {@code <mark>} as bold on a terminal, nothing in a pipe; entities decoded. */
final class TerminalText {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private TerminalText() {}

    static String of(String html, boolean terminal) {
        String s = html.replace("<mark>", terminal ? BOLD : "").replace("</mark>", terminal ? RESET : "");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
