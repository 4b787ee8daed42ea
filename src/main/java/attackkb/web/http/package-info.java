/**
 * HTTP plumbing shared by the API and the pages: typed query parameters, bodies sent in one write, htmx requests,
 * CSV, errors in the API's JSON shape, static assets, metrics and server settings; and what both show of the changes
 * between two releases ({@code ChangeQuery}, {@code ReleaseChanges}). Uses {@code search} (the request record),
 * {@code serving}, {@code releases} and {@code urls}; never {@code web.api} or {@code web.pages}.
 */
package attackkb.web.http;
