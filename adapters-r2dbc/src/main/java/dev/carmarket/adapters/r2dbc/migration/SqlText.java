package dev.carmarket.adapters.r2dbc.migration;

import java.util.ArrayList;
import java.util.List;

/** Lexical helpers over SQL script text, enough for {@link MigrationSafetyRules}. */
final class SqlText {

    private SqlText() {
    }

    /**
     * The script with the content of comments ({@code --}, nested {@code /* *\/}), string literals,
     * quoted identifiers and dollar-quoted bodies replaced by spaces. Line breaks and offsets are kept,
     * so that positions still map to the original lines, and {@code ;} inside them no longer ends a
     * statement.
     */
    static String blankCommentsAndLiterals(String sql) {
        char[] text = sql.toCharArray();
        int i = 0;
        while (i < text.length) {
            if (startsWith(text, i, "--")) {
                i = blank(text, i, indexOf(text, "\n", i));
            } else if (startsWith(text, i, "/*")) {
                i = blank(text, i, endOfBlockComment(text, i));
            } else if (text[i] == '\'' || text[i] == '"') {
                i = blankInside(text, i, closingQuote(text, i, text[i]));
            } else if (text[i] == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = indexOf(text, tag, i + tag.length());
                i = blank(text, i, close == text.length ? close : close + tag.length());
            } else {
                i++;
            }
        }
        return new String(text);
    }

    /**
     * Splits a statement at commas that are not nested in parentheses (the clauses of an
     * ALTER TABLE, or the column definitions of a CREATE TABLE).
     */
    static List<String> topLevelClauses(String statement) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                clauses.add(statement.substring(start, i));
                start = i + 1;
            }
        }
        clauses.add(statement.substring(start));
        return clauses;
    }

    private static int endOfBlockComment(char[] text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length) {
            if (startsWith(text, i, "/*")) {
                depth++;
                i += 2;
            } else if (startsWith(text, i, "*/")) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length;
    }

    /** Index of the closing quote; a doubled quote is an escaped one. */
    private static int closingQuote(char[] text, int open, char quote) {
        int i = open + 1;
        while (i < text.length) {
            if (text[i] == quote) {
                if (i + 1 < text.length && text[i + 1] == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length;
    }

    /** {@code $tag$} or {@code $$} starting at {@code i}, or null. */
    private static String dollarTag(char[] text, int i) {
        int j = i + 1;
        while (j < text.length && (Character.isLetterOrDigit(text[j]) || text[j] == '_')) {
            j++;
        }
        boolean positionalParameter = j > i + 1 && Character.isDigit(text[i + 1]);
        return j < text.length && text[j] == '$' && !positionalParameter ? new String(text, i, j - i + 1) : null;
    }

    private static int blank(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] != '\n') {
                text[i] = ' ';
            }
        }
        return to;
    }

    private static int blankInside(char[] text, int open, int close) {
        blank(text, open + 1, close);
        return Math.min(close + 1, text.length);
    }

    private static boolean startsWith(char[] text, int i, String prefix) {
        return i + prefix.length() <= text.length && new String(text, i, prefix.length()).equals(prefix);
    }

    private static int indexOf(char[] text, String what, int from) {
        int index = new String(text).indexOf(what, from);
        return index < 0 ? text.length : index;
    }
}
