package dev.carmarket.adapters.observability.sentry;

import java.util.regex.Pattern;

/**
 * Replaces anything that looks like an email address or a phone number with a placeholder. It errs
 * towards masking (a long run of digits becomes {@code [phone]}): a lost digit in an error report costs
 * little, a leaked customer contact does not. Ids keep their shape: a UUID's digit groups are not
 * masked because they touch a hyphen.
 */
public final class PiiMasking {

    static final String EMAIL_MASK = "[email]";
    static final String PHONE_MASK = "[phone]";

    /** Every character an address's local part may hold, so {@code notify=jane@x.io} is masked whole. */
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    /** 7 to 15 digits, optionally after a {@code +}, with up to two of {@code " ()/-"} between digits. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\d(?:[ ()/-]{0,2}\\d){6,14}(?![\\w-])");

    private PiiMasking() {
    }

    /** The text with emails and phone numbers masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String withoutEmails = EMAIL.matcher(text).replaceAll(EMAIL_MASK);
        return PHONE.matcher(withoutEmails).replaceAll(PHONE_MASK);
    }
}
