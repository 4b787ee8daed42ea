package attackkb.search.snippets;

import static attackkb.index.IndexSchema.MAX_SNIPPET_SOURCE;
import static attackkb.index.IndexSchema.SNIPPET_FIELDS;

import attackkb.ThreadConfined;
import attackkb.index.SnippetTexts;
import java.util.Arrays;
import org.apache.lucene.util.FixedBitSet;

/**
 * Where sentences start in the text snippets are cut from. A snippet looks for the sentences around its matches;
 * scanning for them character by character on every search would cost more than the cut, so each generation finds
 * them once, in every snippet field of every document.
 *
 * <p>A sentence starts at the text's start, after a line break, or after ". ", "? " or "! " followed by something
 * other than a lower-case letter (so "e.g. sh" stays one sentence).
 *
 * <p>It also reads those texts for the snippets, from {@link SnippetTexts}. Nine in ten are plain ASCII, whose UTF-8
 * bytes are their characters: only the others are decoded.
 */
final class Sentences {
    /** Sentence starts of field f's documents: those of doc d are {@code starts[f][first[f][d] .. first[f][d + 1])}. */
    private final int[][] starts;
    private final int[][] first;
    /** Per field, the documents whose text (as far as snippets read it) is ASCII. */
    private final FixedBitSet[] ascii;
    private final SnippetTexts texts;
    /** The most bytes {@code MAX_SNIPPET_SOURCE} characters take in UTF-8. */
    private static final int MAX_BYTES = 3 * MAX_SNIPPET_SOURCE;
    /** Each thread's text buffers: an {@link In} read into them is valid until the thread's next {@link #in}. */
    private static final ThreadLocal<TextBuffers> BUFFERS = ThreadLocal.withInitial(TextBuffers::new);

    /** A text's bytes and, unless ASCII, its characters: some 100 KB, too much to allocate per snippet. */
    private static final class TextBuffers {
        final byte[] bytes = new byte[MAX_BYTES];
        final char[] chars = new char[MAX_SNIPPET_SOURCE];
        final ThreadConfined confined = new ThreadConfined();
    }

    private Sentences(int[][] starts, int[][] first, FixedBitSet[] ascii, SnippetTexts texts) {
        this.starts = starts;
        this.first = first;
        this.ascii = ascii;
        this.texts = texts;
    }

    /** The sentence starts of every snippet field of every document of a generation. */
    static Sentences of(SnippetTexts texts, int maxDoc) {
        int[][] starts = new int[SNIPPET_FIELDS.size()][];
        int[][] first = new int[SNIPPET_FIELDS.size()][];
        FixedBitSet[] ascii = new FixedBitSet[SNIPPET_FIELDS.size()];
        byte[] bytes = new byte[MAX_BYTES];
        char[] text = new char[MAX_SNIPPET_SOURCE];
        SnippetTexts.Reader reader = texts.reader();
        for (int f = 0; f < SNIPPET_FIELDS.size(); f++) {
            int[] all = new int[1024];
            int size = 0;
            first[f] = new int[maxDoc + 1];
            ascii[f] = new FixedBitSet(maxDoc);
            for (int doc = 0; doc < maxDoc; doc++) {
                first[f][doc] = size;
                int byteLength = texts.length(f, doc);
                reader.read(f, doc, bytes, byteLength);
                if (isAscii(bytes, byteLength)) ascii[f].set(doc);
                int length = decode(bytes, byteLength, text, MAX_SNIPPET_SOURCE);
                for (int i = 1; i < length; i++) {
                    if (!isStart(text, i)) continue;
                    if (size == all.length) all = Arrays.copyOf(all, size * 2);
                    all[size++] = i;
                }
            }
            first[f][maxDoc] = size;
            starts[f] = Arrays.copyOf(all, size);
        }
        return new Sentences(starts, first, ascii, texts);
    }

    /** Decodes {@code bytes[0..length)}, UTF-8, into {@code into}: at most {@code maxChars} characters. Returns how many. */
    private static int decode(byte[] bytes, int length, char[] into, int maxChars) {
        int at = 0;
        int end = length;
        int max = Math.min(maxChars, into.length);
        int n = 0;
        // The file holds UTF-8 encoded from Java strings: always well-formed.
        while (at < end && n < max) {
            int c = bytes[at] & 0xff;
            if (c < 0x80) {
                into[n++] = (char) c;
                at++;
            } else if (c < 0xe0) {
                into[n++] = (char) ((c & 0x1f) << 6 | bytes[at + 1] & 0x3f);
                at += 2;
            } else if (c < 0xf0) {
                into[n++] = (char) ((c & 0x0f) << 12 | (bytes[at + 1] & 0x3f) << 6 | bytes[at + 2] & 0x3f);
                at += 3;
            } else {
                int codePoint = (c & 0x07) << 18 | (bytes[at + 1] & 0x3f) << 12 | (bytes[at + 2] & 0x3f) << 6
                        | bytes[at + 3] & 0x3f;
                into[n++] = Character.highSurrogate(codePoint);
                if (n < max) into[n++] = Character.lowSurrogate(codePoint);
                at += 4;
            }
        }
        return n;
    }

    /** Whether a text's bytes are all ASCII, so that byte offsets are character offsets. */
    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) if (bytes[i] < 0) return false;
        return true;
    }

    /** The sentences of one text, found by scanning it; the text is its own, not a thread's buffer. */
    static In scan(String string) {
        char[] text = string.toCharArray();
        int[] found = new int[text.length];
        int size = 0;
        for (int i = 1; i < text.length; i++) if (isStart(text, i)) found[size++] = i;
        return new In(text, null, text.length, found, 0, size, null, 0);
    }

    /**
     * The start of a document's snippet field ({@code field} indexes SNIPPET_FIELDS), at most {@code maxChars}
     * characters, with its sentences, read with {@code reader} (of this generation's texts); null if the document has
     * none. Read into this thread's buffers: valid until the thread's next call, and on this thread only.
     */
    In in(SnippetTexts.Reader reader, int field, int doc, int maxChars) {
        int byteLength = texts.length(field, doc);
        if (byteLength == 0) return null;
        int chars = Math.min(maxChars, MAX_SNIPPET_SOURCE);
        int from = first[field][doc];
        int to = first[field][doc + 1];
        TextBuffers buffers = BUFFERS.get();
        int use = buffers.confined.begin();
        byte[] bytes = buffers.bytes;
        if (ascii[field].get(doc)) {
            int length = Math.min(chars, byteLength);
            reader.read(field, doc, bytes, length);
            return new In(null, bytes, length, starts[field], from, to, buffers.confined, use);
        }
        // Enough bytes for the characters wanted: at most three each (four for a pair of two).
        int read = Math.min(byteLength, 3 * chars);
        reader.read(field, doc, bytes, read);
        char[] text = buffers.chars;
        int length = decode(bytes, read, text, chars);
        return new In(text, null, length, starts[field], from, to, buffers.confined, use);
    }

    /** Whether a sentence starts at {@code i}, from 1 to the text's length less one. */
    private static boolean isStart(char[] text, int i) {
        char previous = text[i - 1];
        if (previous == '\n') return !Character.isWhitespace(text[i]);
        return i >= 2 && previous == ' ' && ".!?".indexOf(text[i - 2]) >= 0
                && !Character.isWhitespace(text[i]) && !Character.isLowerCase(text[i]);
    }

    /** How far from a match a sentence boundary is looked for. */
    static final int MAX_REACH = 400;

    /**
     * One text (possibly the start of a longer one) and the sentence starts in it, by binary search. The text is
     * either decoded characters or, when it is ASCII, its bytes as read. Read from a thread's buffers, it checks
     * that they still hold it at every call but {@link #at}, whose callers {@link #check} once for a run of reads.
     */
    static final class In {
        private final char[] chars;
        private final byte[] bytes;
        /** How many characters the text has: the arrays may be longer. */
        final int length;
        private final int[] starts;
        private final int from;
        private final int to;
        /** The buffers' uses and this text's stamp among them; null for a text of its own. */
        private final ThreadConfined confined;
        private final int use;

        private In(char[] chars, byte[] bytes, int length, int[] starts, int from, int to, ThreadConfined confined,
                int use) {
            this.chars = chars;
            this.bytes = bytes;
            this.length = length;
            this.starts = starts;
            this.from = from;
            this.to = to;
            this.confined = confined;
            this.use = use;
        }

        /** Throws IllegalStateException if this text is in a thread's buffers that have moved on, or another's. */
        void check() {
            if (confined != null) confined.check(use);
        }

        /** The character at {@code i}, from 0 to {@link #length} less one: {@link #check} before a run of these. */
        char at(int i) {
            return chars != null ? chars[i] : (char) bytes[i];
        }

        /** Whether a sentence starts at {@code i}: at the text's start, never at or past its end. */
        boolean isStart(int i) {
            check();
            if (i <= 0) return true;
            if (i >= length) return false;
            return Arrays.binarySearch(starts, from, to, i) >= 0;
        }

        /** The last sentence start in {@code (after, atMost]}, or -1. */
        private int lastStart(int after, int atMost) {
            int at = Arrays.binarySearch(starts, from, to, atMost);
            int i = at >= 0 ? at : -at - 2; // the last start <= atMost
            return i >= from && starts[i] > after && starts[i] < length ? starts[i] : -1;
        }

        /** The first sentence start in {@code [atLeast, before)}, or -1. */
        private int firstStart(int atLeast, int before) {
            if (atLeast <= 0) return 0;
            int at = Arrays.binarySearch(starts, from, to, atLeast);
            int i = at >= 0 ? at : -at - 1; // the first start >= atLeast
            return i < to && starts[i] < before && starts[i] < length ? starts[i] : -1;
        }

        /** Where the sentence holding {@code offset} starts, knowing that none starts before {@code notBefore}. */
        int start(int offset, int notBefore) {
            check();
            int limit = Math.max(notBefore, offset - MAX_REACH);
            int found = lastStart(limit, offset);
            if (found >= 0) return found;
            if (limit == notBefore) return isStart(limit) ? limit : wordStart(limit);
            return wordStart(limit);
        }

        /** Where the sentence holding {@code offset} ends (exclusive, without trailing space). */
        int end(int offset) {
            check();
            int limit = Math.min(length, offset + MAX_REACH);
            int i = firstStart(offset, limit);
            if (i < 0) {
                if (limit < length) return wordEnd(limit);
                i = limit;
            }
            while (i > offset && Character.isWhitespace(at(i - 1))) i--;
            return i;
        }

        /** Whether {@code end} is the text's end or only space separates it from the next sentence. */
        boolean endsAt(int end) {
            check();
            int i = end;
            while (i < length && Character.isWhitespace(at(i))) i++;
            return i == length || isStart(i);
        }

        /** The first word start at or after {@code i}. */
        int wordStart(int i) {
            check();
            while (i < length && !Character.isWhitespace(at(i - 1))) i++;
            return i;
        }

        /** The last word end at or before {@code i}. */
        int wordEnd(int i) {
            check();
            while (i > 0 && i < length && !Character.isWhitespace(at(i))) i--;
            return i;
        }
    }
}
