package dev.carmarket.bootstrap.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Turns the process environment into {@link CarmarketSettings}, checking every variable of the
 * production contract in one pass. Invalid values are errors in every environment; production
 * additionally requires the database, exact CORS origins, an explicit TRUST_PROXY and strong secrets.
 * Each section has its reader; they share one {@link EnvironmentReader}, so that every problem is
 * reported at once.
 */
public final class CarmarketSettingsReader {

    private CarmarketSettingsReader() {
    }

    /** @throws InvalidConfigurationException naming every offending variable, never a secret's value */
    public static CarmarketSettings read(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        AppEnvironment appEnvironment = AppEnvironmentReader.read(env);
        // The problems are listed in the order the sections are read here.
        ServerSettings server = ServerSettingsReader.read(env);
        Optional<DatabaseSettings> database = DatabaseSettingsReader.read(env, appEnvironment);
        EdgeSettings edge = EdgeSettingsReader.read(env, appEnvironment);
        OrderSettings orders = OrderSettingsReader.read(env);
        SentrySettings sentry = SentrySettingsReader.read(env);
        LogFormat logFormat = LogFormatReader.read(env, appEnvironment);

        env.throwIfAnyProblem();
        return new CarmarketSettings(appEnvironment, server, database, edge, orders, sentry, logFormat);
    }
}
