package attackkb.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Layer entries that came to share a technique and tactic, made one: the higher score and the colour that goes with
 * it, the comments joined, the metadata and links of all (a divider between what each brought, as the Navigator shows
 * one), enabled and showing sub-techniques if any was; any other field of the first, else of the others.
 */
final class EntryMerge {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The entry made, and what the merge did that a user should hear of ("the higher score, 5, kept"). */
    record Merged(ObjectNode node, List<String> notes) {}

    private EntryMerge() {}

    /** Merges {@code entries}, in the layer's order; the first's fields come first. */
    static Merged of(List<ObjectNode> entries) {
        List<ObjectNode> byScore = new ArrayList<>(entries);
        byScore.sort(Comparator.comparing(EntryMerge::score, Comparator.nullsLast(Comparator.reverseOrder())));
        ObjectNode node = entries.get(0).deepCopy();
        List<String> notes = new ArrayList<>();
        BigDecimal top = score(byScore.get(0));
        if (top != null) {
            node.set("score", byScore.get(0).get("score"));
            if (entries.stream().map(EntryMerge::score).filter(Objects::nonNull).distinct().count() > 1) {
                notes.add("the higher score, " + top.stripTrailingZeros().toPlainString() + ", kept");
            }
        }
        byScore.stream().map(e -> e.path("color").asText("")).filter(c -> !c.isBlank()).findFirst()
                .ifPresent(c -> node.put("color", c));
        List<String> comments = entries.stream().map(e -> e.path("comment").asText("").strip())
                .filter(c -> !c.isEmpty()).distinct().toList();
        if (!comments.isEmpty()) node.put("comment", String.join("\n\n", comments));
        if (comments.size() > 1) notes.add("comments joined");
        if (entries.stream().anyMatch(e -> e.has("enabled"))) {
            node.put("enabled", entries.stream().anyMatch(e -> e.path("enabled").asBoolean(true)));
        }
        if (entries.stream().anyMatch(e -> e.path("showSubtechniques").asBoolean(false))) node.put("showSubtechniques", true);
        if (joinLists(node, entries, "metadata")) notes.add("metadata of all kept");
        if (joinLists(node, entries, "links")) notes.add("links of all kept");
        for (ObjectNode e : entries) e.fields().forEachRemaining(f -> node.putIfAbsent(f.getKey(), f.getValue()));
        return new Merged(node, List.copyOf(notes));
    }

    /**
     * Sets {@code field} of {@code node} to the items of every entry's, each once; answers whether more than one
     * entry brought any.
     */
    private static boolean joinLists(ObjectNode node, List<ObjectNode> entries, String field) {
        ArrayNode joined = NODES.arrayNode();
        int sources = 0;
        for (ObjectNode e : entries) {
            JsonNode items = e.get(field);
            if (items == null || !items.isArray()) continue;
            List<JsonNode> fresh = new ArrayList<>();
            for (JsonNode item : items) {
                if (divider(item) || !contains(joined, item)) fresh.add(item);
            }
            while (!fresh.isEmpty() && divider(fresh.get(0))) fresh.remove(0);
            while (!fresh.isEmpty() && divider(fresh.get(fresh.size() - 1))) fresh.remove(fresh.size() - 1);
            if (fresh.isEmpty()) continue;
            if (!joined.isEmpty()) joined.addObject().put("divider", true);
            fresh.forEach(joined::add);
            sources++;
        }
        if (sources > 0 || node.has(field)) node.set(field, joined);
        return sources > 1;
    }

    private static boolean divider(JsonNode item) {
        return item.path("divider").asBoolean(false);
    }

    private static boolean contains(ArrayNode items, JsonNode item) {
        for (JsonNode i : items) if (i.equals(item)) return true;
        return false;
    }

    private static BigDecimal score(ObjectNode entry) {
        JsonNode s = entry.get("score");
        return s != null && s.isNumber() ? s.decimalValue() : null;
    }
}
