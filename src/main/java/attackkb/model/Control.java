package attackkb.model;

import java.util.List;

/**
 * An entry of a framework mapped to ATT&CK: an SP 800-53 control ({@code AC-4}, {@code AC-2(1)}), a cloud or vendor
 * security capability, a CSA CCM control, a CRI Profile statement, a VERIS enumeration, a KEV vulnerability (its CVE
 * ID). {@code familyId} and {@code familyName} are its group: an SP 800-53 family, an AWS service, a CCM domain.
 * For SP 800-53, {@code statement} and {@code guidance} come from an OSCAL catalog when one was given and
 * {@code discussion} from the mapping project's control descriptions; other entries have their mapping files'
 * description as title, or as statement when it is a paragraph.
 */
public record Control(
        String framework,
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
        return familyName == null || familyName.equals(familyId) ? familyId : familyId + " " + familyName;
    }
}
