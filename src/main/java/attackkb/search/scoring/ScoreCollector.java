package attackkb.search.scoring;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Receives every document a query matches, by its number in the whole index, with its score. Our searchers have no
 * executor, so one collector serves a whole search: {@link #search} hands it to Lucene as the only slice.
 */
abstract class ScoreCollector extends SimpleCollector {
    private int docBase;
    private Scorable scorer;

    /** Called for each match, in document order. */
    abstract void collect(int doc, float score);

    /** Runs {@code query} on {@code searcher} into this collector. */
    final void search(IndexSearcher searcher, Query query) throws IOException {
        searcher.search(query, new CollectorManager<ScoreCollector, Void>() {
            private boolean given;

            @Override
            public ScoreCollector newCollector() {
                if (given) throw new IllegalStateException("one slice expected");
                given = true;
                return ScoreCollector.this;
            }

            @Override
            public Void reduce(Collection<ScoreCollector> collectors) {
                return null;
            }
        });
    }

    @Override
    protected final void doSetNextReader(LeafReaderContext context) {
        docBase = context.docBase;
    }

    @Override
    public final void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public final void collect(int doc) throws IOException {
        collect(docBase + doc, scorer.score());
    }

    @Override
    public final ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }
}
