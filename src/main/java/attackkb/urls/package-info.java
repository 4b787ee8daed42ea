/**
 * Every URL the site answers ({@link attackkb.urls.Routes}) and the links to its pages ({@link attackkb.urls.Links}),
 * spelled in one place. Uses {@code index} (a hit's record) only.
 */
package attackkb.urls;
