/** Plain text from ATT&CK's Markdown: citations and links removed, for indexing and snippets. Uses the JDK only. */
package attackkb.text;
