package attackkb.source;

import java.nio.file.Path;

/**
 * A local file to read, and the name the user knows it by: the path they gave, a file found in a folder they
 * gave, or the URL it was downloaded from.
 */
public record SourceFile(Path path, String origin) {}
