package attackkb.web.pages;

import attackkb.model.DetectionStrategy;
import java.util.List;

/** {@code /detections/{id}}: a detection strategy, the techniques it detects and its analytics. */
record DetectionPage(String title, DetectionStrategy detection, List<TechniqueName> techniques,
        List<DetectionView.AnalyticView> analytics, List<Citations.Numbered> references, HistoryView history, PageActions actions) {

    record TechniqueName(String id, String name) {}
}
