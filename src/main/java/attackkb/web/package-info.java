/**
 * The HTTP application: {@link attackkb.web.WebApp} configures Javalin and Jetty, binds every route of
 * {@link attackkb.urls.Routes} to a handler of {@code web.api} or {@code web.pages}, and maps errors to answers.
 * Uses the packages below it; nothing uses it but {@code cli}.
 */
package attackkb.web;
