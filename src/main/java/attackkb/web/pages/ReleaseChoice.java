package attackkb.web.pages;

import java.util.List;

/**
 * The ATT&CK releases the search page can search, for its selector, and the one searched.
 *
 * @param options each release held, the current one first (value "", the release of the index whatever it is), then
 *     the older ones, newest first; empty when the index holds one release
 * @param older the older release searched, or null when it is the current one
 * @param current the current release
 * @param currentUrl the same search in the current release, when an older one is searched
 */
record ReleaseChoice(List<Option> options, String older, String current, String currentUrl) {
    /** A release offered: the value of the {@code release} parameter, its label, and whether it is the one searched. */
    record Option(String value, String label, boolean selected) {}
}
