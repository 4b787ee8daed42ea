/**
 * Where the input files come from: pinned upstream downloads checked against their digests, or local files and
 * folders given with {@code --data}. Knows nothing of what the files hold; uses only the JDK.
 */
package attackkb.source;
