/**
 * The command line ({@code index}, {@code serve}, {@code search}): options read into settings, then the index
 * builder, the server or a search is called. Uses every layer below; nothing uses it but {@link attackkb.Main}.
 */
package attackkb.cli;
