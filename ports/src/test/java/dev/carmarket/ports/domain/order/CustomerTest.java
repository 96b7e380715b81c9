package dev.carmarket.ports.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carmarket.ports.domain.common.DomainException;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private final Customer jane = new Customer("Jane Doe", "jane@example.com", "+4915112345678");

    @Test
    void maskingKeepsTheFirstLetterAndTheDomainOfTheEmail() {
        assertThat(jane.masked().email()).isEqualTo("j***@example.com");
    }

    @Test
    void maskingKeepsTheCountryCodeAndTheLastThreeDigitsOfThePhone() {
        assertThat(jane.masked().phone()).isEqualTo("+49*******678");
    }

    @Test
    void theMaskHasTheSameWidthWhateverTheLengths() {
        Customer other = new Customer("Al", "al.very.long.name@mail.example.org", "+12025550123");

        assertThat(other.masked().email()).isEqualTo("a***@mail.example.org");
        assertThat(other.masked().phone()).isEqualTo("+12*******123");
    }

    @Test
    void theNameIsShownAsIs() {
        assertThat(jane.masked().fullName()).isEqualTo("Jane Doe");
    }

    @Test
    void toStringLeaksNoContactData() {
        assertThat(jane.toString()).doesNotContain("jane@", "15112345").contains("j***@example.com");
    }

    @Test
    void everyInvalidFieldIsReportedByItsPath() {
        assertThatThrownBy(() -> new Customer(" ", "not-an-email", "0151 123"))
                .isInstanceOfSatisfying(DomainException.class, failure -> assertThat(failure.problems()).containsExactly(
                        "customer.fullName must be between 1 and 100 characters",
                        "customer.email must be an email",
                        "customer.phone must be a valid phone number"));
    }
}
