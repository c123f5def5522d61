package io.retort.schema;

/**
 * What a foreign key does when the referred row is deleted or its key updated ({@code ON DELETE} /
 * {@code ON UPDATE}).
 *
 * <pre>{@code
 * column("user_id", INTEGER).references(ForeignKey.to("users.id").onDelete(ReferentialAction.CASCADE));
 * }</pre>
 */
public enum ReferentialAction {
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT"),
    RESTRICT("RESTRICT"),
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words, e.g. {@code SET NULL}. */
    public String sql() {
        return sql;
    }

    /** The action for its SQL words (case-insensitive), or {@code null} for null or unknown words. */
    public static ReferentialAction fromSql(String words) {
        if (words == null) {
            return null;
        }
        String w = words.trim().replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
        for (ReferentialAction a : values()) {
            if (a.sql.equals(w)) {
                return a;
            }
        }
        return null;
    }
}
