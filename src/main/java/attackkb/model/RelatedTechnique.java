package attackkb.model;

import java.util.List;

/**
 * A technique like another, and why: what they share (mitigations, data components, mapped framework entries) and
 * how alike their descriptions are. {@code score} is between 0 and 1.
 */
public record RelatedTechnique(String id, String name, double score, List<Reason> reasons) {

    /**
     * One thing the two techniques share: {@code kind} is {@code mitigation}, {@code data_component},
     * {@code control} (an entry of a mapped framework; {@code framework} names it) or {@code description}.
     */
    public record Reason(String kind, String id, String name, String framework) {}
}
