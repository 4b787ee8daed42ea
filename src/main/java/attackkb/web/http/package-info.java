/**
 * HTTP plumbing shared by the API and the pages: typed query parameters, bodies sent in one write, htmx requests,
 * CSV, errors in the API's JSON shape, static assets, metrics and server settings; what both show of the changes
 * between two releases ({@code ChangeQuery}, {@code ReleaseChanges}); and the layer upgrade both answer from
 * ({@code LayerUpgrades}: a posted body read within its limit by {@code PostedInput}, a few at a time by
 * {@code Permits}). Uses {@code search} (the request record), {@code serving}, {@code releases} and {@code urls};
 * never {@code web.api} or {@code web.pages}.
 */
package attackkb.web.http;
