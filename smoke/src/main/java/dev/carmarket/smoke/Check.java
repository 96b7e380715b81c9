package dev.carmarket.smoke;

/** One named, independently reported check of the pack. */
record Check(String name, Body body) {

    /** The check's logic: returns normally when it holds, throws {@link CheckFailure} otherwise. */
    @FunctionalInterface
    interface Body {
        void run(CheckSession session) throws CheckFailure;
    }
}
