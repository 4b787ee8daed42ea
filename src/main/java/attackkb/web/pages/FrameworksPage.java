package attackkb.web.pages;

import attackkb.model.Framework;
import java.util.List;

/** {@code /frameworks}: the frameworks mapped to ATT&CK. */
record FrameworksPage(String title, List<Framework> frameworks) {}
