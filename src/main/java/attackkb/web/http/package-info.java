/**
 * HTTP plumbing shared by the API and the pages: typed query parameters, bodies sent in one write, htmx requests,
 * CSV, errors in the API's JSON shape, static assets, metrics and server settings. Uses {@code search} (the request
 * record) and {@code serving}; never {@code web.api} or {@code web.pages}.
 */
package attackkb.web.http;
