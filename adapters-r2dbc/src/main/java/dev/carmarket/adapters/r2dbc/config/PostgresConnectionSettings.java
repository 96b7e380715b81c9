package dev.carmarket.adapters.r2dbc.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and how to reach PostgreSQL, parsed from a libpq connection URL
 * ({@code postgresql://user:pass@host:port/db?sslmode=require}), the form {@code DATABASE_URL} uses.
 * Supported query parameters: {@code sslmode} (default {@code prefer}, as in libpq),
 * {@code connect_timeout} (seconds) and {@code application_name}; anything else is rejected
 * rather than silently ignored. {@link #toString()} never shows the password.
 */
public record PostgresConnectionSettings(
        String host,
        int port,
        String database,
        String username,
        String password,
        SslMode sslMode,
        Duration connectTimeout,
        String applicationName) {

    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final String DEFAULT_APPLICATION_NAME = "carmarket";
    private static final String DATABASE_URL = "DATABASE_URL";

    public PostgresConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sslMode, "sslMode");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(applicationName, "applicationName");
        password = password == null ? "" : password;
    }

    /**
     * Parses a {@code postgresql://} or {@code postgres://} URL. User name, password and database
     * name are percent-decoded.
     *
     * @throws IllegalArgumentException naming DATABASE_URL (never echoing the password) when malformed
     */
    public static PostgresConnectionSettings fromDatabaseUrl(String url) {
        return fromUrl(DATABASE_URL, url);
    }

    /**
     * The same for a URL from another variable ({@code DATABASE_READ_URL}).
     *
     * @throws IllegalArgumentException naming {@code variable} (never echoing the password) when malformed
     */
    public static PostgresConnectionSettings fromUrl(String variable, String url) {
        try {
            return parse(url);
        } catch (InvalidUrl invalid) {
            throw new IllegalArgumentException(variable + " " + invalid.getMessage());
        }
    }

    private static PostgresConnectionSettings parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("is empty");
        }
        URI uri = parseUri(url.strip());
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw invalid("must start with postgresql:// or postgres://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("must name a host, as in postgresql://user:password@host:5432/database");
        }
        String rawUserInfo = uri.getRawUserInfo();
        if (rawUserInfo == null || rawUserInfo.isEmpty() || rawUserInfo.startsWith(":")) {
            throw invalid("must name a user, as in postgresql://user:password@host:5432/database");
        }
        int colon = rawUserInfo.indexOf(':');
        String username = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon), "user name");
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1), "password");
        String rawPath = uri.getRawPath();
        if (rawPath == null || rawPath.length() <= 1 || rawPath.indexOf('/', 1) >= 0) {
            throw invalid("must name exactly one database, as in postgresql://user:password@host:5432/database");
        }
        String database = decode(rawPath.substring(1), "database name");
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port == 0 || port > 65_535) {
            throw invalid("has an invalid port " + port);
        }
        Options options = Options.parse(uri.getRawQuery());
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new PostgresConnectionSettings(host, port, database, username, password, options.sslMode,
                options.connectTimeout, options.applicationName);
    }

    /** {@code host:port/database}: how logs, reports and metrics name this server, never with credentials. */
    public String server() {
        return host + ":" + port + "/" + database;
    }

    /** The same target for Flyway's JDBC connection; credentials go in {@link #jdbcProperties()}. */
    public String jdbcUrl() {
        String jdbcHost = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + jdbcHost + ":" + port + "/" + encode(database)
                + "?sslmode=" + sslMode.libpqName()
                + "&connectTimeout=" + Math.max(1, connectTimeout.toSeconds())
                + "&ApplicationName=" + encode(applicationName);
    }

    /** User and password for the JDBC driver (kept out of the URL so that the URL is safe to log). */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return properties;
    }

    @Override
    public String toString() {
        return "PostgresConnectionSettings[host=" + host + ", port=" + port + ", database=" + database
                + ", username=" + username + ", password=" + (password.isEmpty() ? "<none>" : "******")
                + ", sslMode=" + sslMode.libpqName() + ", connectTimeout=" + connectTimeout
                + ", applicationName=" + applicationName + "]";
    }

    private static URI parseUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException malformed) {
            // The URISyntaxException message quotes the input, password included: never pass it on.
            throw invalid("is not a valid URL (percent-encode special characters in the user name and password)");
        }
    }

    /** pgjdbc URL-decodes the database name and parameter values. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String raw, String what) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw invalid("has an invalid percent-encoding in the " + what);
        }
    }

    private static InvalidUrl invalid(String problem) {
        return new InvalidUrl(problem);
    }

    /** A problem with the URL, worded to follow the variable's name. */
    private static final class InvalidUrl extends IllegalArgumentException {

        private InvalidUrl(String problem) {
            super(problem);
        }
    }

    /** The query-string options of the URL, with libpq's defaults. */
    private static final class Options {
        private SslMode sslMode = SslMode.PREFER;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private String applicationName = DEFAULT_APPLICATION_NAME;

        static Options parse(String rawQuery) {
            Options options = new Options();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return options;
            }
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), "parameter " + name);
                options.apply(name, value);
            }
            return options;
        }

        private void apply(String name, String value) {
            switch (name) {
                case "sslmode" -> sslMode = SslMode.fromLibpqName(value).orElseThrow(() -> invalid(
                        "has an unknown sslmode '" + value
                                + "' (use disable, allow, prefer, require, verify-ca or verify-full)"));
                case "connect_timeout" -> connectTimeout = parseTimeout(value);
                case "application_name" -> applicationName = value;
                default -> throw invalid("has an unsupported parameter '" + name
                        + "' (supported: sslmode, connect_timeout, application_name)");
            }
        }

        private static Duration parseTimeout(String value) {
            try {
                int seconds = Integer.parseInt(value);
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw invalid("has an invalid connect_timeout '" + value + "' (a positive number of seconds)");
        }
    }
}
