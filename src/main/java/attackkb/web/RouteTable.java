package attackkb.web;

import attackkb.model.EntityType;
import attackkb.urls.Routes;
import attackkb.web.api.ApiController;
import attackkb.web.api.ChangesApi;
import attackkb.web.api.ExportController;
import attackkb.web.api.FrameworkApi;
import attackkb.web.api.GraphController;
import attackkb.web.api.LayerUpgradeApi;
import attackkb.web.http.Metrics;
import attackkb.web.pages.AttackObjectPages;
import attackkb.web.pages.ChangesPages;
import attackkb.web.pages.FrameworkPages;
import attackkb.web.pages.GraphPages;
import attackkb.web.pages.MatrixPages;
import attackkb.web.pages.SearchPages;
import attackkb.web.pages.UpgradePages;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * Every route of {@link Routes} and the handler that answers it, for GET and HEAD alike.
 *
 * @param faviconUrl where {@code /favicon.ico} redirects: the icon under its content-hashed address
 */
record RouteTable(SearchPages search, AttackObjectPages objects, FrameworkPages frameworks, MatrixPages matrix,
        GraphPages graph, ChangesPages changes, UpgradePages upgrade, ApiController api, FrameworkApi frameworkApi,
        GraphController graphApi, ExportController exports, ChangesApi changesApi, LayerUpgradeApi layerUpgrade,
        Metrics metrics, String faviconUrl) {

    /** The methods each path takes, where they are not GET and HEAD alone: what the Allow header of a 405 says. */
    static String allowed(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.equals(Routes.UPGRADE)) return "GET, HEAD, POST";
        if (p.equals(Routes.API_LAYER_UPGRADE)) return "POST";
        return "GET, HEAD";
    }

    void bind(Javalin app) {
        // Javalin tries routes in the order they are added, a regex each: what live search sends comes first.
        route(app, Routes.HOME, search::search);
        route(app, Routes.SEARCH, search::search);
        route(app, Routes.API_SEARCH, api::search);
        route(app, Routes.API_SUGGEST, api::suggest);
        route(app, Routes.TECHNIQUE, objects::technique);
        route(app, Routes.TECHNIQUE_AS_ON_MITRE, objects::techniqueAsOnMitre);
        route(app, Routes.FAVICON, ctx -> ctx.redirect(faviconUrl, HttpStatus.MOVED_PERMANENTLY));
        route(app, Routes.TACTICS, objects::tactics);
        route(app, Routes.TACTIC, objects::tactic);
        route(app, Routes.MITIGATION, objects::mitigation);
        route(app, Routes.DETECTION, objects::detection);
        route(app, Routes.GROUP, ctx -> objects.actor(ctx, EntityType.GROUP));
        route(app, Routes.SOFTWARE, ctx -> objects.actor(ctx, EntityType.SOFTWARE));
        route(app, Routes.CAMPAIGN, ctx -> objects.actor(ctx, EntityType.CAMPAIGN));
        route(app, Routes.MATRIX, matrix::matrix);
        route(app, Routes.GRAPH, graph::graph);
        route(app, Routes.MATRIX_OF_DOMAIN, matrix::matrix);
        route(app, Routes.API_EXPORT, exports::export);
        route(app, Routes.API_CONTROLS, frameworkApi::controls);
        route(app, Routes.API_CONTROL_TECHNIQUES_CSV, frameworkApi::controlTechniquesCsv);
        route(app, Routes.API_TECHNIQUE_CONTROLS_CSV, frameworkApi::techniqueControlsCsv);
        route(app, Routes.API_CONTROL, frameworkApi::control);
        route(app, Routes.CONTROLS, frameworks::controls);
        route(app, Routes.CONTROL, frameworks::control);
        route(app, Routes.FRAMEWORKS, frameworks::frameworks);
        route(app, Routes.FRAMEWORK, frameworks::framework);
        route(app, Routes.FRAMEWORK_ENTRY, frameworks::frameworkEntry);
        route(app, Routes.API_FRAMEWORKS, frameworkApi::frameworks);
        route(app, Routes.API_CROSSWALK, frameworkApi::crosswalk);
        route(app, Routes.API_GRAPH, graphApi::api);
        route(app, Routes.API_FRAMEWORK, frameworkApi::framework);
        route(app, Routes.API_FRAMEWORK_ENTRY_CSV, frameworkApi::entryTechniquesCsv);
        route(app, Routes.API_FRAMEWORK_ENTRY_LAYER, frameworkApi::entryLayer);
        route(app, Routes.API_FRAMEWORK_ENTRY, frameworkApi::entry);
        route(app, Routes.CHANGES, changes::changes);
        route(app, Routes.CHANGES_BETWEEN, changes::between);
        route(app, Routes.API_CHANGES, changesApi::changes);
        route(app, Routes.API_CHANGES_LAYER, changesApi::layer);

        route(app, Routes.HEALTH, api::health);
        route(app, Routes.METRICS, metrics::scrape);
        route(app, Routes.API_TECHNIQUE, api.entity(EntityType.TECHNIQUE));
        route(app, Routes.API_TECHNIQUE_RELATED, api::related);
        route(app, Routes.API_MITIGATION, api.entity(EntityType.MITIGATION));
        route(app, Routes.API_DETECTION, api.entity(EntityType.DETECTION));
        route(app, Routes.API_GROUP, api.entity(EntityType.GROUP));
        route(app, Routes.API_SOFTWARE, api.entity(EntityType.SOFTWARE));
        route(app, Routes.API_CAMPAIGN, api.entity(EntityType.CAMPAIGN));
        route(app, Routes.API_ACTOR_LAYER, exports::actorLayer);
        route(app, Routes.API_TACTICS, api::tactics);
        route(app, Routes.API_TACTIC, api::tactic);

        // The two that take a body: a layer to upgrade.
        route(app, Routes.UPGRADE, upgrade::form);
        app.post(Routes.UPGRADE, upgrade::upgrade);
        app.post(Routes.API_LAYER_UPGRADE, layerUpgrade::upgrade);
        route(app, Routes.API_LAYER_UPGRADE, ctx -> {
            ctx.header("Allow", allowed(ctx.path()));
            throw new ErrorAnswers.MethodNotAllowed(ctx.method().name(), allowed(ctx.path()));
        });
    }

    /** A GET route, and HEAD on the same path answered by the same handler: the same headers, Jetty drops the body. */
    private static void route(Javalin app, String path, Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
    }
}
