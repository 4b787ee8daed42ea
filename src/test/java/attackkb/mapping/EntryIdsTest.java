package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.model.MappingSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryIdsTest {
    private static ControlSources.Row row(String id) {
        return new ControlSources.Row(id, null, "action.malware", null, "related_to", null, null, "T1071", null, null, List.of(), "complete");
    }

    private static ControlSources.MappingFile file(String framework, String domain, String... ids) {
        return new ControlSources.MappingFile(domain + ".json", new MappingSource(framework, "1.4.0", "16.1", "via x"), domain,
                Map.of(), java.util.Arrays.stream(ids).map(EntryIdsTest::row).toList());
    }

    @Test
    void idsThatDifferOnlyInCaseTakeTheSpellingMostRowsUse() {
        var ids = EntryIds.of(List.of(
                file("veris", "enterprise", "action.malware.variety.C2", "action.malware.variety.C2", "Action.Hacking.Variety.Other"),
                file("veris", "ics", "Action.Malware.Variety.C2", "action.hacking.variety.Other")));
        assertThat(ids.canonical("veris", row("Action.Malware.Variety.C2")).controlId()).isEqualTo("action.malware.variety.C2");
        // one row each: the first in code-point order, in every build
        assertThat(ids.canonical("veris", row("action.hacking.variety.Other")).controlId()).isEqualTo("Action.Hacking.Variety.Other");
        assertThat(ids.canonical("aws", row("Action.Malware.Variety.C2")).controlId())
                .as("another framework's IDs are its own").isEqualTo("Action.Malware.Variety.C2");
    }
}
