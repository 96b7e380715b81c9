package dev.carmarket.adapters.web.body;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Walks a JSON tree against a request record, derived by reflection from its components
 * (nested records and lists of them included), before anything is bound. It finds every
 * property the record does not declare, at any depth ({@code customer.age}, {@code items.0.foo}),
 * and every value of the wrong JSON type ({@code notes must be a string}), so that one response
 * can report all of them. A JSON {@code null} counts as absent; required fields are the
 * mapper's business.
 *
 * <p>Supported component types: {@code String}, {@code BigDecimal}, {@code Integer}, {@code Long},
 * {@code Boolean}, records of those, and {@code List}s of any of them.
 */
public final class JsonShapeInspector {

    /** JSON scalar expectations: the predicate a node must pass and the problem when it does not. */
    private record Scalar(Predicate<JsonNode> accepts, String expectation) {
    }

    private static final Map<Type, Scalar> SCALARS = Map.of(
            String.class, new Scalar(JsonNode::isString, "must be a string"),
            BigDecimal.class, new Scalar(JsonNode::isNumber, "must be a number"),
            Integer.class, new Scalar(JsonNode::isIntegralNumber, "must be an integer number"),
            Long.class, new Scalar(JsonNode::isIntegralNumber, "must be an integer number"),
            Boolean.class, new Scalar(JsonNode::isBoolean, "must be a boolean value"));

    /** What the walk found; both lists in document order. */
    public record Inspection(List<String> unknownPaths, List<String> typeProblems) {

        public Inspection {
            unknownPaths = List.copyOf(unknownPaths);
            typeProblems = List.copyOf(typeProblems);
        }
    }

    public Inspection inspect(JsonNode root, Class<? extends Record> type) {
        List<String> unknownPaths = new ArrayList<>();
        List<String> typeProblems = new ArrayList<>();
        new Walk(unknownPaths, typeProblems).value(root, type, "");
        return new Inspection(unknownPaths, typeProblems);
    }

    /** Fails fast (at wiring time) for a request type this inspector cannot check. */
    public void requireSupported(Class<? extends Record> type) {
        requireSupported((Type) type);
    }

    private static void requireSupported(Type type) {
        if (type instanceof Class<?> record && record.isRecord()) {
            Arrays.stream(record.getRecordComponents()).map(RecordComponent::getGenericType)
                    .forEach(JsonShapeInspector::requireSupported);
        } else if (listElement(type) != null) {
            requireSupported(listElement(type));
        } else {
            scalarFor(type);
        }
    }

    private static Scalar scalarFor(Type type) {
        Scalar scalar = SCALARS.get(type);
        if (scalar == null) {
            throw new IllegalArgumentException("request DTOs cannot declare a component of type " + type);
        }
        return scalar;
    }

    private static Type listElement(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return null;
    }

    private record Walk(List<String> unknownPaths, List<String> typeProblems) {

        void value(JsonNode node, Type type, String path) {
            if (node.isNull()) {
                return;
            }
            if (type instanceof Class<?> record && record.isRecord()) {
                object(node, record, path);
            } else if (listElement(type) != null) {
                array(node, listElement(type), path);
            } else {
                Scalar scalar = scalarFor(type);
                if (!scalar.accepts().test(node)) {
                    typeProblems.add(path + " " + scalar.expectation());
                } else if (node.isString() && node.asString().indexOf('\0') >= 0) {
                    // JSON allows an escaped NUL; PostgreSQL text does not (it would be a 500 there).
                    typeProblems.add(path + " must not contain NUL characters");
                }
            }
        }

        private void object(JsonNode node, Class<?> record, String path) {
            if (!node.isObject()) {
                typeProblems.add((path.isEmpty() ? "body" : path) + " must be an object");
                return;
            }
            Map<String, Type> declared = Arrays.stream(record.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType));
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String propertyPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                Type componentType = declared.get(property.getKey());
                if (componentType == null) {
                    unknownPaths.add(propertyPath);
                } else {
                    value(property.getValue(), componentType, propertyPath);
                }
            }
        }

        private void array(JsonNode node, Type elementType, String path) {
            if (!node.isArray()) {
                typeProblems.add(path + " must be an array");
                return;
            }
            for (int index = 0; index < node.size(); index++) {
                value(node.get(index), elementType, path + "." + index);
            }
        }
    }
}
