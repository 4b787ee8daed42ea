/**
 * Several ATT&CK releases side by side: a compact snapshot of every object of each release held, what changed
 * between any two of them, each object's history, how fresh a framework mapping made for an older release is, and
 * the upgrade of a Navigator layer written for an older release. Uses {@code model} and {@link attackkb.Json} only.
 */
package attackkb.releases;
