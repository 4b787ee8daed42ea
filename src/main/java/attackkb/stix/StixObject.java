package attackkb.stix;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The subset of a STIX 2.1 object (of any type) that attack-kb reads. Unknown properties are skipped by the
 * parser without being kept, which is what keeps a 50 MB bundle from being held in memory twice: the collection
 * object's long {@code x_mitre_contents}, for example, is never materialised.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StixObject(
        String type,
        String id,
        String name,
        String description,
        String created,
        String modified,
        Boolean revoked,
        Boolean xMitreDeprecated,
        String xMitreVersion,
        List<String> xMitreDomains,
        List<String> xMitrePlatforms,
        Boolean xMitreIsSubtechnique,
        List<KillChainPhase> killChainPhases,
        List<ExternalReference> externalReferences,
        List<String> aliases,
        List<String> xMitreAliases,
        String xMitreShortname,
        List<String> tacticRefs,
        List<String> xMitreAnalyticRefs,
        List<LogSourceReference> xMitreLogSourceReferences,
        List<MutableElementEntry> xMitreMutableElements,
        String firstSeen,
        String lastSeen,
        String relationshipType,
        String sourceRef,
        String targetRef) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KillChainPhase(String killChainName, String phaseName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ExternalReference(String sourceName, String externalId, String url, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LogSourceReference(String xMitreDataComponentRef, String name, String channel) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MutableElementEntry(String field, String description) {}

    public boolean isRevoked() {
        return Boolean.TRUE.equals(revoked);
    }

    public boolean isDeprecated() {
        return Boolean.TRUE.equals(xMitreDeprecated);
    }

    public boolean isActive() {
        return !isRevoked() && !isDeprecated();
    }
}
