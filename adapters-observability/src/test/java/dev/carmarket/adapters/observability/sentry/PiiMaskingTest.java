package dev.carmarket.adapters.observability.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.web.api.Email;
import org.junit.jupiter.api.Test;

class PiiMaskingTest {

    @Property(tries = 300)
    void no_email_survives_in_any_text(@ForAll @Email(quotedLocalPart = false, ipv4Host = false, ipv6Host = false) String email,
            @ForAll @AlphaChars @StringLength(max = 20) String before,
            @ForAll @AlphaChars @StringLength(max = 20) String after) {
        String masked = PiiMasking.mask(before + " " + email + " " + after);

        assertThat(masked).doesNotContain(email).contains(PiiMasking.EMAIL_MASK);
    }

    @Property(tries = 300)
    void no_phone_number_survives_in_any_text(@ForAll("phones") String phone,
            @ForAll @AlphaChars @StringLength(max = 20) String before) {
        String masked = PiiMasking.mask(before + " " + phone + ".");

        assertThat(masked).isEqualTo(before + " " + PiiMasking.PHONE_MASK + ".");
    }

    /** E.164 numbers as customers give them, some written in groups. */
    @Provide
    Arbitrary<String> phones() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(13);
        Arbitrary<String> e164 = Combinators.combine(Arbitraries.integers().between(1, 9), digits)
                .as((first, rest) -> "+" + first + rest);
        return Arbitraries.oneOf(e164, e164.map(number -> number.substring(0, 3) + " " + number.substring(3, 6) + " "
                + number.substring(6)));
    }

    @Test
    void ids_order_numbers_amounts_and_times_keep_their_shape() {
        String text = "order ORD-2026-000123 (4b7e0c1e-1f0a-4c39-9a59-0f7c1c1e2d3a) of 18990.00 EUR at "
                + "2026-11-26T12:10:00Z";

        assertThat(PiiMasking.mask(text)).isEqualTo(text);
    }

    @Test
    void null_stays_null() {
        assertThat(PiiMasking.mask(null)).isNull();
    }
}
