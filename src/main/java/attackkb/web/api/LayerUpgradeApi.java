package attackkb.web.api;

import attackkb.Json;
import attackkb.releases.UpgradedLayer;
import attackkb.web.http.LayerUpgrades;
import attackkb.web.http.PostedInput;
import io.javalin.http.Context;

/**
 * {@code POST /api/layers/upgrade}: a Navigator layer (JSON), a list of technique IDs (text), or either as the
 * {@code layer} field of a multipart form, upgraded to the current ATT&CK release. Answers
 * {@code {"layer": …, "report": …}}, or with {@code format=layer} the layer alone as a file, with {@code format=text}
 * its technique IDs one a line; {@code from} names the release the input was made for, over what the layer says.
 */
public final class LayerUpgradeApi {
    private final LayerUpgrades upgrades;

    public LayerUpgradeApi(LayerUpgrades upgrades) {
        this.upgrades = upgrades;
    }

    public void upgrade(Context ctx) {
        upgrades.run(ctx, () -> {
            PostedInput input = upgrades.read(ctx);
            String format = LayerUpgrades.format(ctx, input);
            UpgradedLayer upgraded = upgrades.upgrade(ctx, input);
            if (format.equals("json")) {
                ctx.json(Json.object("layer", upgraded.layer(), "report", upgraded.report()));
            } else {
                LayerUpgrades.download(ctx, upgraded, format);
            }
        });
    }
}
