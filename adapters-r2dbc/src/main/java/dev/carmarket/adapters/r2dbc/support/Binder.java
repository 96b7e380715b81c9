package dev.carmarket.adapters.r2dbc.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Named bind values for one statement. Nullable values need their type so that the driver
 * can send a typed NULL; every user value reaches SQL through here, never through the SQL text.
 */
public final class Binder {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Class<?>> nulls = new LinkedHashMap<>();

    public Binder bind(String name, Object value) {
        values.put(name, value);
        return this;
    }

    public Binder bindAll(Binder other) {
        values.putAll(other.values);
        nulls.putAll(other.nulls);
        return this;
    }

    public Binder bindNullable(String name, Object value, Class<?> type) {
        if (value == null) {
            nulls.put(name, type);
        } else {
            values.put(name, value);
        }
        return this;
    }

    public GenericExecuteSpec applyTo(DatabaseClient client, String sql) {
        GenericExecuteSpec spec = client.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        for (Map.Entry<String, Class<?>> typedNull : nulls.entrySet()) {
            spec = spec.bindNull(typedNull.getKey(), typedNull.getValue());
        }
        return spec;
    }
}
