/**
 * Looking up what the index stores, not searching it: an entity's record by type and ID, listings, the matrix and
 * tactic summaries ({@link attackkb.records.EntityStore}), and the mapped frameworks' entries with their crosswalks
 * ({@link attackkb.records.FrameworkEntries}). Made once per generation. Uses {@code generation}, {@code index},
 * {@code mapping}, {@code model} and {@code urls}.
 */
package attackkb.records;
