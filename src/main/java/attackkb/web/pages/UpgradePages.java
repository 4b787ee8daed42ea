package attackkb.web.pages;

import attackkb.BadInputException;
import attackkb.model.EntityType;
import attackkb.model.TacticRef;
import attackkb.releases.ReleaseSnapshot;
import attackkb.releases.UpgradeAction;
import attackkb.releases.UpgradeChange;
import attackkb.releases.UpgradedLayer;
import attackkb.serving.ServedGeneration;
import attackkb.urls.Links;
import attackkb.web.http.LayerUpgrades;
import attackkb.web.http.PostedInput;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /upgrade}: a form (a file or pasted text) that works without JavaScript, and the upgrade's report as a table
 * with buttons that post the same input again to download the upgraded layer or its IDs.
 */
public final class UpgradePages {
    private final Supplier<ServedGeneration> live;
    private final PageRenderer view;
    private final LayerUpgrades upgrades;

    public UpgradePages(Supplier<ServedGeneration> live, PageRenderer view, LayerUpgrades upgrades) {
        this.live = live;
        this.view = view;
        this.upgrades = upgrades;
    }

    public void form(Context ctx) {
        view.render(ctx, "upgrade", page("", "", null, null));
    }

    public void upgrade(Context ctx) {
        upgrades.run(ctx, () -> {
            PostedInput input;
            try {
                input = upgrades.read(ctx);
            } catch (BadInputException e) {
                refuse(ctx, HttpStatus.BAD_REQUEST, "", "", e.getMessage());
                return;
            } catch (HttpResponseException e) {
                refuse(ctx, HttpStatus.forStatus(e.getStatus()), "", "", e.getMessage());
                return;
            }
            String from = LayerUpgrades.from(ctx, input);
            // A file's content is not shown again, only pasted text (a page holding a large file would be slow).
            String pasted = input.fileName() == null && input.text().length() <= 200_000 ? input.text() : "";
            try {
                String format = LayerUpgrades.format(ctx, input);
                UpgradedLayer upgraded = upgrades.upgrade(ctx, input);
                if (!format.equals("json")) {
                    LayerUpgrades.download(ctx, upgraded, format);
                    return;
                }
                view.render(ctx, "upgrade", page("", from == null ? "" : from, null, result(upgraded, input.text(), from)));
            } catch (BadInputException e) {
                refuse(ctx, HttpStatus.BAD_REQUEST, pasted, from == null ? "" : from, e.getMessage());
            }
        });
    }

    private void refuse(Context ctx, HttpStatus status, String text, String from, String message) {
        ctx.status(status);
        view.render(ctx, "upgrade", page(text, from, message, null));
    }

    private UpgradePage page(String text, String from, String error, UpgradePage.UpgradeResult result) {
        String size = PostedInput.size(LayerUpgrades.MAX_BYTES);
        try {
            String current = upgrades.upgrader().currentRelease();
            return new UpgradePage(result == null ? "Upgrade a layer" : "Upgraded layer", current,
                    live.get().releases().versions(), text, from, error, size, result);
        } catch (HttpResponseException e) { // an index without release snapshots
            return new UpgradePage("Upgrade a layer", "", List.of(), text, from, error == null ? e.getMessage() : error, size, null);
        }
    }

    private UpgradePage.UpgradeResult result(UpgradedLayer upgraded, String input, String from) {
        ReleaseSnapshot current = live.get().releases().current();
        var report = upgraded.report();
        List<UpgradePage.Row> rows = new ArrayList<>();
        for (UpgradeChange c : report.changes()) {
            boolean technique = c.action() != UpgradeAction.PLATFORM_UNKNOWN;
            rows.add(new UpgradePage.Row(c.action().key(), c.action().label(), c.id(),
                    technique ? page(current, c.id()) : null, c.successor(), page(current, c.successor()), c.tactic(),
                    names(c.tacticsBefore()), names(c.tacticsAfter()), c.oldName(), c.newName(),
                    c.merged() == null ? null : String.join(", ", c.merged()), c.note()));
        }
        List<UpgradePage.Count> counts = new ArrayList<>();
        for (UpgradeAction a : UpgradeAction.values()) {
            Integer n = report.counts().get(a.key());
            if (n != null) counts.add(new UpgradePage.Count(a.key(), a.label(), n));
        }
        return new UpgradePage.UpgradeResult(report, rows, counts, input, from == null ? "" : from,
                report.input().equals("id_list"), upgraded.ids().size());
    }

    /** The technique page of an ID the current release has (a revoked one's leads to its successor), else null. */
    private static String page(ReleaseSnapshot current, String id) {
        if (id == null || current.byId(EntityType.TECHNIQUE.key(), id) == null) return null;
        return Links.path(EntityType.TECHNIQUE.key(), id);
    }

    private static String names(List<TacticRef> tactics) {
        if (tactics == null) return null;
        if (tactics.isEmpty()) return "none";
        return String.join(", ", tactics.stream().map(t -> t.name() + " (" + t.shortname() + ")").toList());
    }
}
