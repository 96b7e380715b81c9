package dev.carmarket.bootstrap.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: {@code 500ms}, {@code 20s}, {@code 30m}, {@code 1h} or ISO-8601 {@code PT20S}. */
final class DurationText {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the accepted forms when the text is not a positive duration */
    static Duration parsePositive(String text) {
        Duration duration = parse(text);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be a positive duration (got \"" + text + "\")");
        }
        return duration;
    }

    private static Duration parse(String text) {
        Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException notIso) {
                // falls through to the common message below
            }
        }
        throw new IllegalArgumentException(
                "must be a duration such as 500ms, 20s, 30m, 1h or PT20S (got \"" + text + "\")");
    }
}
