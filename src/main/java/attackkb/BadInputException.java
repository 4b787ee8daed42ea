package attackkb;

/**
 * A problem with what the user gave us (a source, an index folder, a parameter), as opposed to a bug.
 * The message is one line that names the input and says what is wrong with it; it is shown as is, without a
 * stack trace, by the CLI and (later) as the {@code detail} of an HTTP 400.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
