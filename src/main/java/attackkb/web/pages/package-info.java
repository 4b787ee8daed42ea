/**
 * The HTML pages and their htmx fragments. Handlers by family ({@code AttackObjectPages}, {@code FrameworkPages},
 * {@code SearchPages}, {@code MatrixPages}, {@code GraphPages}, {@code ChangesPages}, {@code UpgradePages}) build one
 * record per page ({@code TechniquePage}, {@code EntryPage} …), whose components
 * {@link attackkb.web.pages.PageRenderer} hands to its Pebble template as variables. Uses {@code web.http},
 * {@code serving}, {@code search} (the request and result records), {@code records}, {@code graph},
 * {@code releases}, {@code text} (an object's descriptions compared), {@code urls} and the model; never
 * {@code web.api}.
 */
package attackkb.web.pages;
