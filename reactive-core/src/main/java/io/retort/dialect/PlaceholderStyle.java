package io.retort.dialect;

/**
 * How a driver spells a positional bind parameter in SQL text. Values are always bound by index; only the
 * marker in the text differs.
 *
 * <pre>{@code
 * PlaceholderStyle.DOLLAR_NUMBERED.render(0);  // "$1"   (r2dbc-postgresql, r2dbc-h2)
 * PlaceholderStyle.QUESTION_MARK.render(0);    // "?"    (r2dbc-mariadb)
 * }</pre>
 */
public enum PlaceholderStyle {
    /** {@code $1, $2, ...}. */
    DOLLAR_NUMBERED {
        @Override
        public String render(int index) {
            return "$" + (index + 1);
        }
    },
    /** {@code ?, ?, ...}. */
    QUESTION_MARK {
        @Override
        public String render(int index) {
            return "?";
        }
    };

    /** The marker for the parameter at the zero-based {@code index}. */
    public abstract String render(int index);
}
