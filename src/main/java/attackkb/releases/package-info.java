/**
 * Several ATT&CK releases side by side: a compact snapshot of every object of each release held, what changed
 * between any two of them, each object's history, how fresh a framework mapping made for an older release is, and
 * the upgrade of a Navigator layer or a list of technique IDs written for an older release ({@code LayerUpgrade}).
 * Uses {@code model}, {@link attackkb.Json} and {@link attackkb.BadInputException} only.
 */
package attackkb.releases;
