package attackkb.search;

/** One value of a facet: its count as if this facet's own selection were absent, and whether it is selected. */
public record FacetValue(String value, String label, int count, boolean selected) {}
