package attackkb.web.http;

import attackkb.BadInputException;
import attackkb.model.Freshness;
import attackkb.search.SearchRequest;
import io.javalin.http.Context;
import java.util.List;

/** Typed, validated query parameters: a malformed value is a 400 naming the parameter, never a 500. */
public final class QueryParams {
    private QueryParams() {}

    public static int integer(Context ctx, String name, int defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be a whole number, got \"" + abbreviate(raw) + "\"");
        }
    }

    /** The search a request asks for, from the parameters the API, the pages and the exports share. */
    public static SearchRequest search(Context ctx, int defaultLimit) {
        return new SearchRequest(
                text(ctx, "q"),
                all(ctx, "platform"),
                all(ctx, "tactic"),
                all(ctx, "data_component"),
                all(ctx, "domain"),
                all(ctx, "type"),
                all(ctx, "framework"),
                all(ctx, "family"),
                all(ctx, "control"),
                integer(ctx, "limit", defaultLimit),
                integer(ctx, "offset", 0),
                attackkb.search.Sort.of(ctx.queryParam("sort")),
                ctx.queryParam("release"));
    }

    /**
     * {@code freshness=}: which mappings a list keeps ({@code stale} or a status, any case), null when not given; any
     * other value is refused, naming those it may be.
     */
    public static String freshness(Context ctx) {
        String raw = ctx.queryParam("freshness");
        if (raw == null || raw.isBlank()) return null;
        return Freshness.filter(raw).orElseThrow(() -> new BadInputException("freshness must be one of "
                + String.join(", ", Freshness.FILTERS) + ", got \"" + abbreviate(raw) + "\""));
    }

    public static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null ? "" : raw;
    }

    static List<String> all(Context ctx, String name) {
        return ctx.queryParams(name);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
