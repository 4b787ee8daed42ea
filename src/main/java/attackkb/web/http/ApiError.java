package attackkb.web.http;

/** The body of every API error: a short machine-readable code and a sentence for people. */
public record ApiError(String error, String detail) {}
