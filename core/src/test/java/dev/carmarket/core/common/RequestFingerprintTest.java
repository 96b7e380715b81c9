package dev.carmarket.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    record Field(String name, String value) {
    }

    @Test
    void withoutFieldsIsTheSha256OfNothing() {
        // the published SHA-256 of the empty input
        assertThat(RequestFingerprint.sha256().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void isLowercaseHexOf256Bits() {
        assertThat(RequestFingerprint.sha256().field("a", "b").hex()).matches("[0-9a-f]{64}");
    }

    @Test
    void tellsApartFieldListsThatJoinToTheSameText() {
        assertThat(of(List.of(new Field("a", "bc")))).isNotEqualTo(of(List.of(new Field("ab", "c"))));
        assertThat(of(List.of(new Field("a", "b"), new Field("c", "d"))))
                .isNotEqualTo(of(List.of(new Field("a", "b" + "c" + "d"))));
        assertThat(of(List.of(new Field("x", null)))).isNotEqualTo(of(List.of(new Field("x", ""))));
        assertThat(of(List.of(new Field("x", null)))).isNotEqualTo(of(List.of(new Field("x", "null"))));
    }

    @Property
    void equalFingerprintsMeanEqualFieldLists(@ForAll @Size(max = 4) List<@WithNull String> first,
            @ForAll @Size(max = 4) List<@WithNull String> second) {
        List<Field> left = asFields(first);
        List<Field> right = asFields(second);

        assertThat(of(left).equals(of(right))).isEqualTo(left.equals(right));
    }

    @Property
    void isStable(@ForAll @Size(max = 4) List<@WithNull String> values) {
        assertThat(of(asFields(values))).isEqualTo(of(asFields(values)));
    }

    /** Uses the values as names too, so that names vary as much as values. */
    private static List<Field> asFields(List<String> values) {
        return values.stream().map(value -> new Field(value == null ? "n" : value, value)).toList();
    }

    private static String of(List<Field> fields) {
        RequestFingerprint fingerprint = RequestFingerprint.sha256();
        fields.forEach(field -> fingerprint.field(field.name(), field.value()));
        return fingerprint.hex();
    }
}
