/**
 * The HTTP application: {@link attackkb.web.WebApp} configures Javalin and Jetty and wires the handlers,
 * {@code RouteTable} binds every route of {@link attackkb.urls.Routes} to a handler of {@code web.api} or
 * {@code web.pages}, and {@code ErrorAnswers} maps errors to the API's JSON or an HTML page.
 * Uses the packages below it; nothing uses it but {@code cli}.
 */
package attackkb.web;
