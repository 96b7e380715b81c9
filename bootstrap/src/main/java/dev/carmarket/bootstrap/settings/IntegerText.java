package dev.carmarket.bootstrap.settings;

/** Whole numbers as operators write them, within the bounds of their variable. */
final class IntegerText {

    private IntegerText() {
    }

    /** @throws IllegalArgumentException naming the bounds when the text is no integer within them */
    static int parseBetween(String text, int min, int max) {
        String problem = "must be an integer between " + min + " and " + max + " (got \"" + text + "\")";
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(problem);
            }
            return value;
        } catch (NumberFormatException notAnInteger) {
            throw new IllegalArgumentException(problem);
        }
    }
}
