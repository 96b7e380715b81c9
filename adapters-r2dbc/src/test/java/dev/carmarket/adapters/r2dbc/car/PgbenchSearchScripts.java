package dev.carmarket.adapters.r2dbc.car;

import dev.carmarket.ports.domain.car.BodyType;
import dev.carmarket.ports.domain.car.CarFilters;
import dev.carmarket.ports.domain.car.FuelType;
import dev.carmarket.ports.domain.car.SearchCriteria;
import dev.carmarket.ports.domain.car.SearchSort;
import dev.carmarket.ports.domain.car.Transmission;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Benchmark tool (benchmarks/compare.sh), not a test: writes, for each search URL, the statement
 * the service runs per request in steady state ({@link CarSearchStatements#pageSql()}: the total
 * is cached for 5 s) as a pgbench script, plus its bind values as pgbench {@code -D} variables.
 * The SQL and the bind values come from the service's own code: the values are captured by
 * recording what {@link dev.carmarket.adapters.r2dbc.support.Binder#applyTo} binds. The named
 * parameters ({@code :make}) are pgbench's variable syntax too; with {@code -M prepared} pgbench
 * sends them as bind parameters of a server-side prepared statement, as the R2DBC driver does.
 * Each URL gets its own variable prefix ({@code u3_make}) so that one pgbench run can mix them.
 *
 * <p>Usage: {@code PgbenchSearchScripts <file of URLs, one per line> <output dir>}; writes
 * {@code q<N>.sql} and {@code q<N>.defines} (one {@code name=value} per line).
 */
public final class PgbenchSearchScripts {

    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    private PgbenchSearchScripts() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PgbenchSearchScripts <urls file> <output dir>");
        }
        Path output = Files.createDirectories(Path.of(args[1]));
        int n = 0;
        for (String url : Files.readAllLines(Path.of(args[0]))) {
            if (url.isBlank()) {
                continue;
            }
            n++;
            CarSearchStatements statements = CarSearchStatements.of(criteria(url.strip()));
            Map<String, Object> values = boundValues(statements);
            String prefix = "u" + n + "_";
            Files.writeString(output.resolve("q" + n + ".sql"),
                    NAMED_PARAMETER.matcher(statements.pageSql()).replaceAll(":" + prefix + "$1") + ";\n");
            StringBuilder defines = new StringBuilder();
            values.forEach((name, value) -> defines.append(prefix).append(name).append('=').append(text(value)).append('\n'));
            Files.writeString(output.resolve("q" + n + ".defines"), defines);
        }
        System.out.println(n + " pgbench scripts in " + output);
    }

    /** What the service binds for the page statement, recorded through the real binding path. */
    private static Map<String, Object> boundValues(CarSearchStatements statements) {
        Map<String, Object> bound = new LinkedHashMap<>();
        GenericExecuteSpec[] spec = new GenericExecuteSpec[1];
        spec[0] = (GenericExecuteSpec) Proxy.newProxyInstance(PgbenchSearchScripts.class.getClassLoader(),
                new Class<?>[] {GenericExecuteSpec.class}, (proxy, method, methodArgs) -> {
                    if (!method.getName().equals("bind")) {
                        throw new IllegalStateException("unexpected call while binding: " + method);
                    }
                    bound.put((String) methodArgs[0], methodArgs[1]);
                    return proxy;
                });
        DatabaseClient client = (DatabaseClient) Proxy.newProxyInstance(PgbenchSearchScripts.class.getClassLoader(),
                new Class<?>[] {DatabaseClient.class}, (proxy, method, methodArgs) -> spec[0]);
        statements.pageValues().applyTo(client, statements.pageSql());
        return bound;
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The query parameters of the search's (docs/api.md) (only what the benchmark URLs use: valid values). */
    static SearchCriteria criteria(String url) {
        Map<String, String> params = new HashMap<>();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                String[] nameValue = pair.split("=", 2);
                params.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return new SearchCriteria(new CarFilters(params.get("q"), params.get("make"), params.get("model"),
                value(params, "fuelType", FuelType::valueOf), value(params, "transmission", Transmission::valueOf),
                value(params, "bodyType", BodyType::valueOf), value(params, "yearMin", Integer::valueOf),
                value(params, "yearMax", Integer::valueOf), value(params, "priceMin", BigDecimal::new),
                value(params, "priceMax", BigDecimal::new), value(params, "mileageMax", Integer::valueOf)),
                SearchSort.fromWireName(params.getOrDefault("sort", "newest")).orElseThrow(),
                Integer.parseInt(params.getOrDefault("page", "1")),
                Integer.parseInt(params.getOrDefault("limit", String.valueOf(SearchCriteria.DEFAULT_LIMIT))));
    }

    private static <T> T value(Map<String, String> params, String name, Function<String, T> parse) {
        String text = params.get(name);
        return text == null ? null : parse.apply(text);
    }
}
