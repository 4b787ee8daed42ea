package attackkb.model;

/** Where a control mapping comes from: e.g. NIST SP 800-53 rev5 mapped to ATT&CK 16.1 by the Center for Threat-Informed Defense. */
public record MappingSource(String framework, String revision, String attackVersion, String label) {}
