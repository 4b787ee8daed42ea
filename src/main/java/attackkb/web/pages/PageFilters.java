package attackkb.web.pages;

import attackkb.model.Freshness;
import attackkb.records.FreshnessNote;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/** Filters the templates share: {@code freshness | freshnessNote} is a mapping's freshness in words, or null when current. */
final class PageFilters extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("freshnessNote", new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                return input instanceof Freshness f ? FreshnessNote.of(f) : null;
            }
        });
    }
}
