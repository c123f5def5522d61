package io.retort.schema;

/**
 * Something a {@link Table} is made of: a {@link Column}, a {@link PrimaryKeyConstraint},
 * {@link ForeignKeyConstraint}, {@link UniqueConstraint}, {@link CheckConstraint} or {@link Index}.
 *
 * <pre>{@code
 * metadata.table("line_items",
 *         column("order_id", INTEGER), column("line", INTEGER), column("qty", INTEGER),
 *         PrimaryKeyConstraint.of("order_id", "line"),
 *         CheckConstraint.of("qty > 0"));
 * }</pre>
 */
public interface TableElement {}
