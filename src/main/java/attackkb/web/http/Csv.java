package attackkb.web.http;

import io.javalin.http.Context;
import java.util.List;

/** CSV as RFC 4180 writes it, with cells a spreadsheet would run as formulas defused. */
public final class Csv {
    private Csv() {}

    static String of(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) out.append(',');
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static void send(Context ctx, String fileName, List<List<String>> rows) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._()-]", "_") + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(of(rows));
    }

    static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
