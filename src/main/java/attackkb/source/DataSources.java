package attackkb.source;

import attackkb.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the user's {@code --data} values into the local files to read: a file is taken as is, a folder is
 * searched recursively for {@code .json} and {@code .json.gz} files (anything else, such as a README, is
 * ignored), and an {@code http(s)://} URL is downloaded through the cache, checked against its digest when it is
 * one of the pinned upstream files.
 */
public final class DataSources {
    private final Downloader downloader;

    public DataSources(Downloader downloader) {
        this.downloader = downloader;
    }

    public List<SourceFile> resolve(List<String> specs) {
        List<SourceFile> files = new ArrayList<>();
        for (String spec : specs) {
            if (isUrl(spec)) {
                files.add(downloader.fetch(spec, UpstreamRelease.digest(spec)));
            } else {
                files.addAll(local(spec));
            }
        }
        return files;
    }

    private static List<SourceFile> local(String spec) {
        Path path = Path.of(spec);
        if (Files.isRegularFile(path)) return List.of(new SourceFile(path, spec));
        if (!Files.isDirectory(path)) throw new BadInputException(spec + ": no such file or folder");
        try (Stream<Path> walk = Files.walk(path)) {
            List<SourceFile> found = walk
                    .filter(Files::isRegularFile)
                    .filter(DataSources::isJsonName)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(p -> new SourceFile(p, p.toString()))
                    .toList();
            if (found.isEmpty()) throw new BadInputException(spec + ": folder holds no .json or .json.gz file");
            return found;
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(spec + ": folder cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static boolean isUrl(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean isJsonName(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }
}
