package attackkb.model;

import java.util.List;

/**
 * A group, software or campaign as seen from another: APT29 uses Mimikatz (S0002), SolarWinds Compromise (C0024)
 * is attributed to APT29. {@code relation} reads from the page's actor: "uses", "used by", "attributed to",
 * "campaign"; {@code description} is ATT&CK's text of the relationship, Markdown with citations.
 */
public record ActorLink(String id, EntityType type, String name, String relation, String description,
        List<Reference> references) {}
