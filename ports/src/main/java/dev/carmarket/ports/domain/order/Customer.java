package dev.carmarket.ports.domain.order;

import dev.carmarket.ports.domain.common.Problems;

/**
 * The buyer's contact data. It is personal data: {@link #toString()} masks it, and
 * everything shown to clients or logs uses {@link #masked()}.
 */
public record Customer(String fullName, String email, String phone) {

    private static final String EMAIL = "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";
    private static final String PHONE = "\\+[1-9][0-9]{6,14}";

    public Customer {
        new Problems()
                .check(fullName != null && !fullName.isBlank() && fullName.length() <= 100,
                        "customer.fullName must be between 1 and 100 characters")
                .check(email != null && email.length() <= 254 && email.matches(EMAIL),
                        "customer.email must be an email")
                .check(phone != null && phone.matches(PHONE),
                        "customer.phone must be a valid phone number")
                .throwIfAny();
    }

    public MaskedCustomer masked() {
        return new MaskedCustomer(fullName, maskEmail(email), maskPhone(phone));
    }

    /** {@code jane@example.com -> j***@example.com}: fixed-width so the length leaks nothing either. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code +4915112345678 -> +49*******678}. */
    static String maskPhone(String phone) {
        return phone.substring(0, 3) + "*******" + phone.substring(phone.length() - 3);
    }

    @Override
    public String toString() {
        return "Customer" + masked();
    }
}
