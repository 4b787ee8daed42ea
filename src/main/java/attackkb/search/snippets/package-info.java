/**
 * For each hit on a page: the fields its query matched and a snippet cut from the best sentence, with the matched
 * words marked and everything else HTML-escaped. Read from the postings and the snippet files, so no text is
 * analysed at search time. Uses {@code generation} and {@code index}.
 */
package attackkb.search.snippets;
