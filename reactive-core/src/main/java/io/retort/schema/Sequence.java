package io.retort.schema;

import java.util.Objects;

/**
 * A database sequence, SQLAlchemy's {@code Sequence} (PostgreSQL, H2, MariaDB 10.3 and later). Registered on a
 * {@link MetaData}, it is created before the tables and dropped after them.
 *
 * <pre>{@code
 * Sequence orderNumbers = metadata.sequence(Sequence.named("order_numbers").startWith(1000).incrementBy(10));
 * // CREATE SEQUENCE order_numbers START WITH 1000 INCREMENT BY 10
 * column("number", BIGINT).serverDefault(orderNumbers.nextValueSql(dialect));
 * }</pre>
 */
public final class Sequence {
    private final String schema;
    private final String name;
    private final long start;
    private final long increment;

    private Sequence(String schema, String name, long start, long increment) {
        this.schema = schema;
        this.name = Objects.requireNonNull(name, "name");
        this.start = start;
        this.increment = increment;
        if (increment == 0) {
            throw new IllegalArgumentException("Sequence '" + name + "' needs a non-zero increment");
        }
    }

    /** A sequence starting at 1, incrementing by 1. */
    public static Sequence named(String name) {
        return new Sequence(null, name, 1, 1);
    }

    /** A sequence in {@code schema}. */
    public static Sequence named(String schema, String name) {
        return new Sequence(schema, name, 1, 1);
    }

    /** The same sequence starting at {@code start}. */
    public Sequence startWith(long start) {
        return new Sequence(schema, name, start, increment);
    }

    /** The same sequence stepping by {@code increment}. */
    public Sequence incrementBy(long increment) {
        return new Sequence(schema, name, start, increment);
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public long start() {
        return start;
    }

    public long increment() {
        return increment;
    }

    /** {@code "schema.name"} or {@code "name"}. */
    public String key() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * The SQL expression that takes the next value, for {@code dialect}.
     *
     * <pre>{@code
     * seq.nextValueSql(postgres);   // nextval('order_numbers')
     * seq.nextValueSql(h2);         // NEXT VALUE FOR order_numbers
     * }</pre>
     */
    public String nextValueSql(io.retort.dialect.Dialect dialect) {
        return dialect.ddlCompiler().nextValue(this);
    }

    @Override
    public String toString() {
        return "Sequence(" + key() + ")";
    }
}
