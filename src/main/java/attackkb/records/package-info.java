/**
 * Looking up what the index stores, not searching it: an entity's record by type and ID, listings, the matrix and
 * tactic summaries ({@link attackkb.records.EntityStore}), the mapped frameworks' entries with their crosswalks
 * ({@link attackkb.records.FrameworkEntries}), and what a mapping's freshness says in words
 * ({@link attackkb.records.FreshnessNote}). Made once per generation. Uses {@code generation}, {@code index},
 * {@code mapping}, {@code model}, {@code releases} (the categories of change) and {@code urls}.
 */
package attackkb.records;
