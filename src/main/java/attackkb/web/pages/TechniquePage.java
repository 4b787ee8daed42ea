package attackkb.web.pages;

import attackkb.model.MitigationUse;
import attackkb.model.Procedure;
import attackkb.model.Technique;
import attackkb.records.EntityStore.MatrixTechnique;
import attackkb.records.FrameworkEntries.MappedFramework;
import java.util.List;

/**
 * {@code /techniques/{id}}: a technique with its detection strategies, mitigations, mapped framework entries,
 * procedure examples, related techniques, and the techniques beside it in its first tactic.
 *
 * @param statement the description as HTML, its citations numbered in {@code references}
 * @param siblingCount the techniques and sub-techniques of {@code siblings}
 */
record TechniquePage(String title, Technique technique, String statement, List<DetectionView> detections,
        List<MitigationView> mitigations, List<ProcedureView> procedures, List<MatrixTechnique> siblings,
        int siblingCount, List<MappedFramework> frameworks, List<Related> related,
        List<Citations.Numbered> references, HistoryView history, PageActions actions) {

    /** A mitigation of the technique: how it applies here, and what the mitigation is in general. */
    record MitigationView(MitigationUse mitigation, String guidance, String description) {}

    /** A group's, software's or campaign's use of the technique, and its page. */
    record ProcedureView(Procedure procedure, String url, String html) {}

    /** A related technique and why it is related. */
    record Related(String id, String name, List<Reason> reasons) {}

    /** A reason in words ("shares M1038 Execution Prevention"), with the page it names, if any. */
    record Reason(String label, String url) {}
}
