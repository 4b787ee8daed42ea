package attackkb.web.http;

import attackkb.BadInputException;
import attackkb.Json;
import attackkb.releases.LayerUpgrade;
import attackkb.releases.UpgradedLayer;
import attackkb.serving.ServedGeneration;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The upgrade of a posted layer or ID list, shared by the API ({@code POST /api/layers/upgrade}) and the page
 * ({@code POST /upgrade}): the input read within {@link #MAX_BYTES}, at most {@link #AT_ONCE} upgrades at a time,
 * the generation's upgrader made once, and the downloads of the result.
 */
public final class LayerUpgrades {
    /** The largest input upgraded: a whole Enterprise layer with a comment on every technique is a fraction of it. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Upgrades at once: each holds its input and the tree made of it, a few times the input's size. */
    static final int AT_ONCE = 2;

    private final Supplier<ServedGeneration> live;
    private final Permits permits = new Permits(AT_ONCE, 5_000);

    public LayerUpgrades(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    /** Runs {@code work} once a permit is free, or refuses the request with 503. */
    public void run(Context ctx, Runnable work) {
        permits.run(ctx, work);
    }

    public PostedInput read(Context ctx) {
        return PostedInput.read(ctx, MAX_BYTES);
    }

    /** The served generation's upgrader, made on first use from its releases. */
    public LayerUpgrade upgrader() {
        ServedGeneration served = live.get();
        return served.memo().get(LayerUpgrade.class, () -> {
            try {
                return new LayerUpgrade(served.releases());
            } catch (IllegalStateException e) {
                throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                        "this index holds no ATT&CK release snapshots: rebuild it with attack-kb index to upgrade layers");
            }
        });
    }

    /** Upgrades what was posted, for the release {@code from} names when it is given (the query's, else the form's). */
    public UpgradedLayer upgrade(Context ctx, PostedInput input) {
        String from = from(ctx, input);
        LayerUpgrade upgrader = upgrader();
        return input.declaredJson() ? upgrader.upgradeLayer(input.text(), from) : upgrader.upgrade(input.text(), from);
    }

    public static String from(Context ctx, PostedInput input) {
        return parameter(ctx, input, "from");
    }

    /** The answer asked for: {@code json} (the layer and the report, the default), {@code layer} or {@code text}. */
    public static String format(Context ctx, PostedInput input) {
        String format = parameter(ctx, input, "format");
        format = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("layer") && !format.equals("text")) {
            throw new BadInputException("format must be json, layer or text, got \"" + format + "\"");
        }
        return format;
    }

    private static String parameter(Context ctx, PostedInput input, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) value = input.field(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The upgraded layer as a file to save ({@code layer}), or its technique IDs one a line ({@code text}). */
    public static void download(Context ctx, UpgradedLayer upgraded, String format) {
        String name = fileName(upgraded);
        if (format.equals("text")) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".txt\"");
            Body.send(ctx, "text/plain; charset=utf-8", (String.join("\n", upgraded.ids()) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
        try {
            Body.send(ctx, "application/json", Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(upgraded.layer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code detections-for-attack-19}: the layer's name as a file name, and the release it is for now. */
    static String fileName(UpgradedLayer upgraded) {
        String name = upgraded.layer().path("name").asText("").replaceAll("(?i)ATT&CK", "attack")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "").toLowerCase(Locale.ROOT);
        if (name.length() > 60) name = name.substring(0, 60).replaceAll("[-.]+$", "");
        if (name.isEmpty() || upgraded.report().input().equals("id_list")) name = "techniques";
        return name + "-for-attack-" + upgraded.layer().path("versions").path("attack").asText("");
    }
}
