/**
 * For each hit on a page: the fields its query matched and a snippet cut from the best sentence, with the matched
 * words marked and everything else HTML-escaped. {@link attackkb.search.snippets.Snippets} is the entry; the query's
 * terms, the matched fields, the memo of cut snippets, the cutting of the others, the sentences, their scoring and
 * the HTML each have a class of their own. Read from the postings and the snippet files, so no text is analysed at
 * search time. Uses {@code generation} and {@code index}.
 */
package attackkb.search.snippets;
