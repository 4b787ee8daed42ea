package attackkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Fixtures;
import attackkb.model.KnowledgeBase;
import attackkb.model.RelatedTechnique.Reason;
import attackkb.model.RelatedTechnique;
import attackkb.model.Technique;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Related techniques over the fixture bundle with SP 800-53, AWS and KEV mappings. */
class RelatedTechniquesTest {
    private static Technique technique(KnowledgeBase kb, String id) {
        return kb.techniques().stream().filter(t -> t.id().equals(id) && t.active()).findFirst().orElseThrow();
    }

    @Test
    void techniquesSharingAMitigationAndAFrameworkEntryAreRelatedBothWays() {
        KnowledgeBase kb = RelatedTechniques.attach(Fixtures.ingest(List.of(Fixtures.enterprise().toString(),
                Fixtures.controls().toString(), Fixtures.frameworks().toString()), new ArrayList<>()).knowledgeBase());
        List<Reason> why = List.of(new Reason("mitigation", "M1047", "Audit", null),
                new Reason("control", "CVE-2099-0001", "Example Registry Image Pull Remote Code Execution Vulnerability", "kev"));
        assertThat(technique(kb, "T1204.003").related()).containsExactly(new RelatedTechnique("T1525", "Implant Internal Image", 0.104, why));
        assertThat(technique(kb, "T1525").related()).containsExactly(new RelatedTechnique("T1204.003", "Malicious Image", 0.104, why));
        // User Execution is T1204.003's parent: its page lists its sub-techniques already.
        assertThat(technique(kb, "T1204").related()).isEmpty();
        assertThat(RelatedTechniques.attach(kb).techniques()).as("the same input, the same answer").isEqualTo(
                RelatedTechniques.attach(kb).techniques());
    }
}
