package attackkb.web.api;

import attackkb.BadInputException;
import attackkb.graph.Neighbourhood;
import attackkb.serving.ServedGeneration;
import attackkb.web.http.NotFoundException;
import attackkb.web.http.QueryParams;
import io.javalin.http.Context;
import java.util.function.Supplier;

/** {@code /api/graph/{id}?depth=1|2}: an entity's neighbourhood as a node-link graph. */
public final class GraphController {
    private final Supplier<ServedGeneration> live;

    public GraphController(Supplier<ServedGeneration> live) {
        this.live = live;
    }

    public void api(Context ctx) {
        int depth = QueryParams.integer(ctx, "depth", 1);
        if (depth != 1 && depth != 2) throw new BadInputException("depth must be 1 or 2, got " + depth);
        String id = ctx.pathParam("id");
        ctx.json(new Neighbourhood(live.get().entities()).of(id, depth)
                .orElseThrow(() -> new NotFoundException("nothing with ID \"" + id + "\" to draw a graph of")));
    }

}
