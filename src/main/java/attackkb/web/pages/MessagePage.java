package attackkb.web.pages;

/** An error page: what went wrong, and a search box holding {@code query} (the ID not found, or nothing). */
record MessagePage(String title, String message, String query) {}
