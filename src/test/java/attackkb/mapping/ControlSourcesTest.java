package attackkb.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ControlSourcesTest {
    @Test
    void aSelectionThatInsertsAnotherParameterIsFilledInToo() throws Exception {
        String catalog = """
                {"catalog": {"groups": [{"id": "ca", "title": "Assessment", "controls": [{"id": "ca-3", "title": "Information Exchange",
                  "params": [
                    {"id": "ca-03_odp.01", "select": {"choice": ["user agreements", " {{ insert: param, ca-03_odp.02 }} "]}},
                    {"id": "ca-03_odp.02", "label": "type of agreement"}],
                  "parts": [{"name": "statement", "prose": "Approve exchanges using {{ insert: param, ca-03_odp.01 }}."}]}]}]}}
                """;
        var sources = new ControlSources();
        sources.readCatalog(new ByteArrayInputStream(catalog.getBytes(StandardCharsets.UTF_8)));
        assertThat(sources.catalog().get("CA-3").statement())
                .isEqualTo("Approve exchanges using [Selection: user agreements; [Assignment: type of agreement]].");
    }

    @Test
    void withdrawnControlsOfTheFullCatalogAreLeftOut() throws Exception {
        String catalog = """
                {"catalog": {"groups": [{"id": "ac", "title": "Access Control", "controls": [
                  {"id": "ac-2", "title": "Account Management", "parts": [{"name": "statement", "prose": "Manage accounts."}],
                   "controls": [{"id": "ac-2.10", "title": "Shared and Group Account Credential Change",
                                 "props": [{"name": "label", "value": "AC-2(10)"}, {"name": "status", "value": "withdrawn"}]}]},
                  {"id": "ac-13", "title": "Supervision and Review — Access Control",
                   "props": [{"name": "status", "value": "withdrawn"}]}]}]}}
                """;
        var sources = new ControlSources();
        assertThat(sources.readCatalog(new ByteArrayInputStream(catalog.getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
        assertThat(sources.catalog()).containsOnlyKeys("AC-2");
    }
}
