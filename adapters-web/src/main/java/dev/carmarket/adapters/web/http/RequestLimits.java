package dev.carmarket.adapters.web.http;

/** Bounds on what a client may send (docs/security.md, "Input limits"). */
public final class RequestLimits {

    /** Largest accepted request body: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Deepest accepted JSON nesting of objects and arrays. */
    public static final int MAX_JSON_NESTING_DEPTH = 32;
    /** Longest accepted JSON string value, in characters. */
    public static final int MAX_JSON_STRING_LENGTH = 8 * 1024;
    /** Longest accepted JSON property name, in characters. */
    public static final int MAX_JSON_NAME_LENGTH = 256;
    /** Longest accepted JSON number literal, in characters. */
    public static final int MAX_JSON_NUMBER_LENGTH = 64;

    private RequestLimits() {
    }
}
