package attackkb.model;

import java.util.List;

/**
 * A security control (NIST SP 800-53 rev5), normalised to IDs such as {@code AC-4} and {@code AC-2(1)}.
 * {@code statement} and {@code guidance} come from an OSCAL catalog when one was given; {@code discussion} from the
 * mapping project's control descriptions; a control known only from a mapping has its title from there.
 */
public record Control(
        String id,
        String title,
        String familyId,
        String familyName,
        String statement,
        String guidance,
        String discussion,
        List<ControlTechnique> techniques,
        MappingSource source) {

    /** The family as shown in facets: {@code AC Access Control}. */
    public String family() {
        return familyLabel(familyId, familyName);
    }

    /** How a family is shown, on controls and on the links techniques have to them alike. */
    public static String familyLabel(String familyId, String familyName) {
        return familyName == null ? familyId : familyId + " " + familyName;
    }
}
