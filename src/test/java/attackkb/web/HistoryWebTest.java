package attackkb.web;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.FixtureIndex;
import attackkb.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each object's history across the fixture pair of releases ("18.1" → "19.0": T1002 renamed, T1001 moved to a new
 * tactic, T1003 revoked by the new T1004, the revoked T1009 now leading to T1004, TA0005 renamed Stealth), in the API
 * and on the pages; and former names in search.
 */
class HistoryWebTest {
    @RegisterExtension
    static final FixtureServer server = new FixtureServer(FixtureIndex.RELEASES);

    static void test(TestCase c) {
        server.test(c);
    }

    static String body(HttpClient client, String path, int status) throws IOException {
        try (Response r = client.get(path)) {
            assertThat(r.code()).as(path).isEqualTo(status);
            return r.body().string();
        }
    }

    /** An arrow as pages write it: hidden from screen readers, which read "to" instead. */
    static final String TO = "<span aria-hidden=\"true\">&rarr;</span><span class=\"visually-hidden\">to</span>";

    static JsonNode json(HttpClient client, String path) throws IOException {
        return Json.MAPPER.readTree(body(client, path, 200));
    }

    @Test
    void aRenamedTechniquesHistoryNamesEachReleaseAndWhatChanged() {
        test((server, client) -> {
            JsonNode t = json(client, "/api/techniques/T1002");
            assertThat(t.get("name").asText()).isEqualTo("Command and Scripting Shell");
            assertThat(t.get("history").toString()).isEqualTo("{\"releases\":["
                    + "{\"release\":\"18.1\",\"id\":\"T1002\",\"name\":\"Command Shell\",\"status\":\"active\","
                    + "\"version\":\"1.0\",\"categories\":[]},"
                    + "{\"release\":\"19.0\",\"id\":\"T1002\",\"name\":\"Command and Scripting Shell\",\"status\":\"active\","
                    + "\"version\":\"1.1\",\"categories\":[\"renamed\",\"minor_version\",\"description_changed\"],"
                    + "\"old_name\":\"Command Shell\",\"old_version\":\"1.0\"}],"
                    + "\"former_names\":[\"Command Shell\"]}");
            // The history is the answer's last field, after the stored record's own.
            assertThat(t.get("related")).isNotNull();
            var names = new java.util.ArrayList<String>();
            t.fieldNames().forEachRemaining(names::add);
            assertThat(names.get(names.size() - 1)).isEqualTo("history");
        });
    }

    @Test
    void aTechniqueMovedToANewTacticSaysWhichTacticsItGainedAndLost() {
        test((server, client) -> assertThat(json(client, "/api/techniques/T1001").at("/history/releases/1").toString())
                .isEqualTo("{\"release\":\"19.0\",\"id\":\"T1001\",\"name\":\"Impair Logging\",\"status\":\"active\","
                        + "\"version\":\"2.0\",\"categories\":[\"tactics_changed\",\"major_version\"],\"old_version\":\"1.0\","
                        + "\"tactics_added\":[\"TA0112\"],\"tactics_removed\":[\"TA0005\"]}"));
    }

    @Test
    void revokedObjectsSayWhenAndByWhatAndTheirSuccessorWhatItReplaces() {
        test((server, client) -> {
            assertThat(json(client, "/api/techniques/T1003").get("history").toString()).isEqualTo("{\"releases\":["
                    + "{\"release\":\"18.1\",\"id\":\"T1003\",\"name\":\"Process Injection\",\"status\":\"active\","
                    + "\"version\":\"1.0\",\"categories\":[]},"
                    + "{\"release\":\"19.0\",\"id\":\"T1003\",\"name\":\"Process Injection\",\"status\":\"revoked\","
                    + "\"version\":\"1.0\",\"categories\":[\"revoked\"],\"successor\":\"T1004\"}],"
                    + "\"revoked_in\":\"19.0\",\"successor\":\"T1004\",\"successor_name\":\"Process Injection\"}");
            // Already revoked in the oldest release held: when is known only as "then or earlier".
            JsonNode chained = json(client, "/api/techniques/T1009").get("history");
            assertThat(chained.get("revoked_in_or_before").asText()).isEqualTo("18.1");
            assertThat(chained.get("successor").asText()).isEqualTo("T1004");
            // Its successor T1003 was revoked in turn: the chain now leads to T1004.
            assertThat(chained.at("/releases/1").toString()).isEqualTo("{\"release\":\"19.0\",\"id\":\"T1009\","
                    + "\"name\":\"Old Injection\",\"status\":\"revoked\",\"version\":\"1.0\","
                    + "\"categories\":[\"successor_changed\"],\"successor\":\"T1004\",\"old_successor\":\"T1003\"}");
            assertThat(json(client, "/api/techniques/T1004").get("history").toString()).isEqualTo("{\"releases\":["
                    + "{\"release\":\"19.0\",\"id\":\"T1004\",\"name\":\"Process Injection\",\"status\":\"active\","
                    + "\"version\":\"1.0\",\"categories\":[\"added\"]}],"
                    + "\"replaces\":[{\"id\":\"T1003\",\"name\":\"Process Injection\",\"revoked_in\":\"19.0\"},"
                    + "{\"id\":\"T1009\",\"name\":\"Old Injection\",\"revoked_in_or_before\":\"18.1\"}]}");
        });
    }

    @Test
    void aRenamedTacticsHistoryIsInItsAnswer() {
        test((server, client) -> {
            JsonNode tactic = json(client, "/api/tactics/TA0005");
            assertThat(tactic.at("/tactic/name").asText()).isEqualTo("Stealth");
            assertThat(tactic.get("techniques")).isNotEmpty();
            assertThat(tactic.at("/history/releases/1/old_name").asText()).isEqualTo("Defense Evasion");
            assertThat(tactic.at("/history/former_names").toString()).isEqualTo("[\"Defense Evasion\"]");
            assertThat(json(client, "/api/tactics/TA0112").at("/history/releases/0/categories").toString())
                    .isEqualTo("[\"added\"]");
        });
    }

    @Test
    void theTechniquePageHasAHistorySectionWithTheRenameAndTheDescriptionWordByWord() {
        test((server, client) -> {
            String page = body(client, "/techniques/T1002", 200);
            int history = page.indexOf("<h2 id=\"history\">History</h2>");
            assertThat(history).isPositive().isLessThan(page.indexOf("</article>"));
            String section = page.substring(history, page.indexOf("</section>", history));
            assertThat(section).contains("<p>In ATT&amp;CK 18.1, 19.0.</p>")
                    .contains("<p class=\"former\">Formerly: Command Shell</p>")
                    .contains("<h3>ATT&amp;CK 18.1</h3>")
                    .contains("<li>In the oldest release held, as \u201cCommand Shell\u201d, version 1.0.</li>")
                    .contains("<li>Renamed from \u201cCommand Shell\u201d to \u201cCommand and Scripting Shell\u201d.</li>")
                    .contains("<li>Version 1.0 " + TO + " 1.1 (minor change).</li>")
                    .contains("<details class=\"word-diff\">")
                    .contains("<summary>Description changed: 4 words added</summary>")
                    .contains("<p class=\"diff\">Adversaries run commands in a shell <ins><span class=\"cue\" aria-hidden=\"true\">{+</span>"
                            + "<span class=\"visually-hidden\">Added: </span>or a script interpreter"
                            + "<span class=\"cue\" aria-hidden=\"true\">+}</span></ins>.</p>");
            assertThat(page).doesNotContain("class=\"retired\"")
                    .contains(" · <a href=\"#history\">history in ATT&amp;CK 18.1, 19.0</a></dd>");
        });
    }

    @Test
    void aTechniqueInANewTacticLinksTheTacticsBeforeAndAfter() {
        test((server, client) -> assertThat(body(client, "/techniques/T1001", 200)).contains(
                "<li>Tactics: <a href=\"/tactics/TA0005\">Defense Evasion</a> " + TO
                        + " <a href=\"/tactics/TA0112\">Defense Impairment</a>.</li>",
                "<li>Version 1.0 " + TO + " 2.0 (major change).</li>"));
    }

    @Test
    void aRevokedTechniquesPageSaysWhenAndByWhatInsteadOfRedirecting() {
        test((server, client) -> {
            String revoked = body(client, "/techniques/T1003", 200);
            assertThat(revoked).contains("<p class=\"retired\"><strong>Revoked in ATT&amp;CK 19.0</strong>: replaced by "
                            + "<a href=\"/techniques/T1004\">T1004 Process Injection</a>.</p>")
                    .contains("<li>Revoked: replaced by <a href=\"/techniques/T1004\">T1004 Process Injection</a>.</li>")
                    // What ATT&CK documents now is on the successor's page, not repeated empty here.
                    .doesNotContain("id=\"detections\"").doesNotContain("id=\"mitigations\"");
            assertThat(revoked.indexOf("class=\"retired\"")).isLessThan(revoked.indexOf("class=\"statement\""));
            assertThat(body(client, "/techniques/T1009", 200)).contains("<strong>Revoked in ATT&amp;CK 18.1 or earlier</strong>: "
                    + "replaced by <a href=\"/techniques/T1004\">T1004 Process Injection</a>.")
                    .contains("<li>In the oldest release held, as \u201cOld Injection\u201d, version 1.0, already revoked.</li>")
                    .contains("<li>Still revoked, now replaced by <a href=\"/techniques/T1004\">T1004 Process Injection</a>"
                            + " (was T1003).</li>");
            String successor = body(client, "/techniques/T1004", 200);
            assertThat(successor).contains("<li>Added, as \u201cProcess Injection\u201d, version 1.0.</li>")
                    .contains("<p>In ATT&amp;CK 19.0, of the releases held here (18.1, 19.0).</p>")
                    .contains("Replaces <a href=\"/techniques/T1003\">T1003 Process Injection</a>, revoked in ATT&amp;CK 19.0; "
                            + "<a href=\"/techniques/T1009\">T1009 Old Injection</a>, revoked in ATT&amp;CK 18.1 or earlier.");
        });
    }

    @Test
    void theTacticPageHasItsHistory() {
        test((server, client) -> assertThat(body(client, "/tactics/TA0005", 200))
                .contains("<h2 id=\"history\">History</h2>")
                .contains("<p class=\"former\">Formerly: Defense Evasion</p>")
                .contains("<li>Renamed from \u201cDefense Evasion\u201d to \u201cStealth\u201d.</li>"));
    }

    @Test
    void searchingAnOldNameFindsTheObjectAndSaysItWasRenamed() {
        test((server, client) -> {
            JsonNode result = json(client, "/api/search?q=command+shell");
            JsonNode first = result.at("/hits/0");
            assertThat(first.get("id").asText()).isEqualTo("T1002");
            assertThat(first.get("former_names").toString()).isEqualTo("[\"Command Shell\"]");
            assertThat(first.get("matched").toString()).isEqualTo("[\"name\",\"former_names\",\"statement\"]");
            // The revoked T1009's name is searchable on the technique that now stands for it.
            JsonNode old = json(client, "/api/search?q=old+injection").at("/hits/0");
            assertThat(old.get("id").asText()).isEqualTo("T1004");
            assertThat(old.get("former_names").toString()).isEqualTo("[\"Old Injection\"]");
            // A query that does not touch the former name leaves it out of what matched.
            JsonNode scripting = json(client, "/api/search?q=scripting").at("/hits/0");
            assertThat(scripting.get("id").asText()).isEqualTo("T1002");
            assertThat(scripting.get("matched").toString()).doesNotContain("former_names");

            String page = body(client, "/search?q=command+shell", 200);
            assertThat(page).contains("<p class=\"former\">Formerly Command Shell</p>");
            assertThat(body(client, "/search?q=scripting", 200)).doesNotContain("Formerly");
            // The live results (htmx) are the same fragment.
            try (Response r = client.get("/?q=command+shell", b -> b.header("HX-Request", "true"))) {
                assertThat(r.body().string()).contains("<p class=\"former\">Formerly Command Shell</p>");
            }
        });
    }
}
