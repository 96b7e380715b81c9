package dev.carmarket.bootstrap.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks {@code CORS_ALLOWED_ORIGINS} entries: exact {@code scheme://host[:port]} origins, nothing looser. */
final class AllowedOrigins {

    private static final String SHAPE = "must be an exact origin scheme://host[:port]";

    private AllowedOrigins() {
    }

    /**
     * @return the origin as browsers send it in {@code Origin} (lowercase scheme and host)
     * @throws IllegalArgumentException when the entry is a wildcard, has a path, or is no http(s) origin
     */
    static String checkOrigin(String entry) {
        if (entry.contains("*")) {
            throw new IllegalArgumentException("\"" + entry + "\" is a wildcard; list exact origins");
        }
        URI uri = toUri(entry);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean originOnly = uri.getHost() != null && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null
                && (uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535);
        if (!(scheme.equals("http") || scheme.equals("https")) || !originOnly) {
            throw new IllegalArgumentException("\"" + entry + "\" " + SHAPE + " (http or https, no path)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static URI toUri(String entry) {
        try {
            return new URI(entry);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("\"" + entry + "\" " + SHAPE);
        }
    }
}
