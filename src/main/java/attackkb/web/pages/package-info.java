/**
 * The HTML pages and their htmx fragments: each handler builds its page's model and renders a Pebble template.
 * Uses {@code web.http}, {@code serving}, {@code records} and {@code graph}.
 */
package attackkb.web.pages;
