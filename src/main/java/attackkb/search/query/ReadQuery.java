package attackkb.search.query;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * What a typed text asks for: the query to score; its words found nowhere in the index, as typed; and the text with
 * each of them replaced by its closest word, or null when there is none.
 */
public record ReadQuery(Query query, List<String> typos, String didYouMean) {}
