package dev.carmarket.adapters.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.adapters.web.support.ContractAssertions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeInspectorTest {

    record Item(String sku, Integer quantity, BigDecimal price) {
    }

    record Buyer(String name, Boolean vip) {
    }

    record Cart(Buyer buyer, List<Item> items, List<String> tags) {
    }

    final JsonShapeInspector inspector = new JsonShapeInspector();

    @Test
    void findsUnknownPropertiesAtEveryDepthIncludingInsideArrays() {
        JsonShapeInspector.Inspection inspection = inspector.inspect(ContractAssertions.parse("""
                {"buyer":{"name":"Jane","age":30},
                 "items":[{"sku":"a","foo":1},{"sku":"b","bar":{"baz":2}}],
                 "coupon":"X"}"""), Cart.class);

        assertThat(inspection.unknownPaths()).containsExactly("buyer.age", "items.0.foo", "items.1.bar", "coupon");
        assertThat(inspection.typeProblems()).isEmpty();
    }

    @Test
    void reportsEveryValueOfTheWrongJsonType() {
        JsonShapeInspector.Inspection inspection = inspector.inspect(ContractAssertions.parse("""
                {"buyer":{"name":7,"vip":"yes"},
                 "items":[{"sku":"a","quantity":1.5,"price":"9.99"},"x"],
                 "tags":["ok",5]}"""), Cart.class);

        assertThat(inspection.typeProblems()).containsExactly(
                "buyer.name must be a string",
                "buyer.vip must be a boolean value",
                "items.0.quantity must be an integer number",
                "items.0.price must be a number",
                "items.1 must be an object",
                "tags.1 must be a string");
        assertThat(inspection.unknownPaths()).isEmpty();
    }

    @Test
    void nullCountsAsAbsentAndAWrongContainerIsNamed() {
        JsonShapeInspector.Inspection inspection = inspector.inspect(ContractAssertions.parse("""
                {"buyer":null,"items":{"sku":"a"},"tags":null}"""), Cart.class);

        assertThat(inspection.typeProblems()).containsExactly("items must be an array");
        assertThat(inspection.unknownPaths()).isEmpty();
    }

    record Unsupported(Map<String, String> attributes) {
    }

    @Test
    void refusesRequestTypesItCannotCheck() {
        assertThatThrownBy(() -> inspector.requireSupported(Unsupported.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Map");
        inspector.requireSupported(Cart.class);
    }
}
