package attackkb.model;

import java.util.List;

/**
 * A group, a piece of software or a campaign: the three kinds of ATT&CK object that "use" techniques, and
 * so the sources of procedure examples. Fields that only one kind has are empty for the others
 * ({@code platforms} and {@code softwareKind} for software, {@code firstSeen}/{@code lastSeen} for campaigns).
 */
public record Actor(
        EntityType type,
        String id,
        String name,
        String description,
        List<String> aliases,
        Status status,
        String revokedBy,
        List<String> domains,
        List<String> platforms,
        String softwareKind,
        String firstSeen,
        String lastSeen,
        List<TechniqueUse> techniques,
        String attackUrl,
        String version,
        String created,
        String modified,
        List<Reference> references,
        String stixId,
        List<ActorLink> associated) {}
