package attackkb.web;

import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/** Generates hostile query strings: Lucene syntax, broken quotes and brackets, wildcards, junk and bad encodings. */
final class FuzzInput {
    private static final List<String> FRAGMENTS = List.of("container", "image", "T1204.003", "1204", "DET0248", "AC-4",
            "\"", "\"\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "^", "^3", ":", "\\", "/", "//", "/.*/",
            "AND", "OR", "NOT", "&&", "||", "!", "-", "+", "name:", "statement:", "id:", "platform:", "type:", "field:",
            "a*", "*a", "?a", "[a TO z]", "{a TO z}", "\u0000", "\u0007", "\u202e", "é", "日本", "😀", "<script>",
            "'", ";", "%", "%%", " ", "  ", "\t", "\n");
    private static final List<String> RAW = List.of("%zz", "%", "%ff", "%c3%28", "%e2%82", "%00", "%0d%0a", "%25",
            "%u0041", "%2", "+", "&", "=", "==", "%26%3D");
    private static final List<String> PARAMETERS = List.of("q", "q", "q", "platform", "tactic", "type", "domain",
            "data_component", "family", "control", "limit", "offset", "format", "x");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "20", "100", "101", "100000", "99999999999",
            "abc", "", "1e3", "0x10", "  5", "2.5");

    private FuzzInput() {}

    static String parameters(Random random) {
        var query = new StringJoiner("&");
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String name = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
            String value = name.equals("limit") || name.equals("offset") ? encode(pick(random, NUMBERS)) : value(random);
            query.add(name + "=" + value);
        }
        return query.toString();
    }

    private static String value(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) return "a".repeat(random.nextInt(1_200)); // around the query length limit
        if (kind == 1) return pick(random, RAW);
        if (kind == 2) return "";
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) text.append(pick(random, FRAGMENTS)).append(random.nextBoolean() ? " " : "");
        String encoded = encode(text.toString());
        return random.nextInt(5) == 0 ? encoded + pick(random, RAW) : encoded;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
