package attackkb.releases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A layer upgraded to the current release: the layer the Navigator loads, the report of what changed, and the
 * technique IDs it holds now, in the layer's order without repeats (the form an ID list is given back in).
 */
public record UpgradedLayer(ObjectNode layer, UpgradeReport report, List<String> ids) {}
