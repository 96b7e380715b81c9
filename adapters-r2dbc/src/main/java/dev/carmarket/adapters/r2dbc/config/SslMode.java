package dev.carmarket.adapters.r2dbc.config;

import io.r2dbc.postgresql.client.SSLMode;
import java.util.Arrays;
import java.util.Optional;

/** libpq's {@code sslmode} values, with their R2DBC driver equivalent; the JDBC driver takes the libpq name. */
public enum SslMode {
    DISABLE("disable", SSLMode.DISABLE),
    ALLOW("allow", SSLMode.ALLOW),
    PREFER("prefer", SSLMode.PREFER),
    REQUIRE("require", SSLMode.REQUIRE),
    VERIFY_CA("verify-ca", SSLMode.VERIFY_CA),
    VERIFY_FULL("verify-full", SSLMode.VERIFY_FULL);

    private final String libpqName;
    private final SSLMode r2dbcMode;

    SslMode(String libpqName, SSLMode r2dbcMode) {
        this.libpqName = libpqName;
        this.r2dbcMode = r2dbcMode;
    }

    public String libpqName() {
        return libpqName;
    }

    public SSLMode r2dbcMode() {
        return r2dbcMode;
    }

    static Optional<SslMode> fromLibpqName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.libpqName.equals(name)).findFirst();
    }
}
