package attackkb.web.http;

import attackkb.urls.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * URLs of the static assets, fingerprinted with a hash of their content ({@code /static/app.css?v=3f2a…}), so they
 * can be cached for a year: a new release changes the URL, never the content behind one.
 */
public final class Assets {
    private static final List<String> FILES = List.of("app.css", "app.js", "theme.js", "graph.js", "favicon.svg");

    private final Map<String, String> urls;

    private Assets(Map<String, String> urls) {
        this.urls = Map.copyOf(urls);
    }

    public static Assets load() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String file : FILES) {
            urls.put(file.replace('.', '_'), Routes.STATIC + "/" + file + "?v=" + hash(read("/static/" + file)));
        }
        String htmx = properties().getProperty("htmx.version");
        urls.put("htmx_js", Routes.WEBJARS + "/htmx.org/" + htmx + "/dist/htmx.min.js");
        urls.put("d3_js", Routes.WEBJARS + "/d3/" + properties().getProperty("d3.version") + "/dist/d3.min.js");
        return new Assets(urls);
    }

    /** Template names ({@code app_css}, {@code app_js}, {@code htmx_js}) to URLs. */
    public Map<String, String> urls() {
        return urls;
    }

    static Properties properties() {
        try (InputStream in = Assets.class.getResourceAsStream("/attack-kb.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
