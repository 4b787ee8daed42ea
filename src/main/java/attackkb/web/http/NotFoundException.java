package attackkb.web.http;

/** Nothing answers to this ID or path: a 404 with a reason. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
