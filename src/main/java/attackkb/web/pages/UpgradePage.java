package attackkb.web.pages;

import java.util.List;

/**
 * {@code /upgrade}: the form to upgrade a layer or a list of IDs, and, once posted, what the upgrade did.
 *
 * @param current the release layers are upgraded to
 * @param held every release held, the current one last
 * @param text what was pasted, shown again when the input was refused
 * @param from the release the user named, shown again
 * @param error why the input was refused, or null
 * @param maxSize the largest input taken, in people's units
 * @param result the upgrade, or null before one
 */
record UpgradePage(String title, String current, List<String> held, String text, String from, String error,
                   String maxSize, UpgradeResult result) {

    /**
     * An upgrade's result as the page shows it.
     *
     * @param input what was posted, posted again (hidden) by the download buttons
     * @param counts the label and count of each kind of change, in the report's order
     */
    record UpgradeResult(attackkb.releases.UpgradeReport report, List<Row> rows, List<Count> counts, String input,
                         String from, boolean idList, int techniques) {}

    record Count(String key, String label, int count) {}

    /**
     * One line of the report. {@code url} and {@code currentUrl} are the technique pages of the ID as given and of the
     * one it has now, when this site has them.
     */
    record Row(String action, String label, String id, String url, String successor, String successorUrl, String tactic,
               String tacticsBefore, String tacticsAfter, String oldName, String newName, String merged, String note) {}
}
