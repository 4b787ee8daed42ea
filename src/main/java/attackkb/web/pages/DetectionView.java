package attackkb.web.pages;

import attackkb.model.Analytic;
import attackkb.model.DetectionStrategy;
import java.util.List;

/** A detection strategy with its analytics' texts as HTML: on a technique's page and on its own. */
record DetectionView(DetectionStrategy strategy, List<AnalyticView> analytics) {

    record AnalyticView(Analytic analytic, String html) {}

    static DetectionView of(DetectionStrategy d, Citations citations) {
        return new DetectionView(d, d.analytics().stream()
                .map(a -> new AnalyticView(a, MarkdownHtml.render(a.description(), List.of(), citations))).toList());
    }
}
