/**
 * The JSON API and the downloads (CSV, Navigator layers): thin handlers that validate, ask {@code serving},
 * {@code records} or {@code graph}, and write. Uses {@code web.http}; never {@code web.pages}.
 */
package attackkb.web.api;
