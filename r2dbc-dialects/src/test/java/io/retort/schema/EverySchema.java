package io.retort.schema;

import static io.retort.schema.Column.column;
import static io.retort.types.Types.*;

import io.retort.dialect.Dialect;
import io.retort.dialect.Feature;
import io.retort.types.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The test schema that uses every type and constraint, shaped to what a dialect can represent. */
final class EverySchema {
    enum Mood {
        HAPPY,
        SAD,
        MEH
    }

    enum Status {
        NEW,
        SHIPPED,
        CANCELLED
    }

    record Money(BigDecimal amount) {}

    static final SqlType<Money> MONEY = numeric(12, 2).withConverter(Money.class, Money::amount, Money::new);

    private EverySchema() {}

    static boolean hasInterval(Dialect d) {
        return !d.name().equals("mariadb");
    }

    static boolean hasArrays(Dialect d) {
        return d.supports(Feature.ARRAYS);
    }

    static MetaData build(Dialect d) {
        MetaData md = new MetaData();
        md.sequence(Sequence.named("order_numbers").startWith(1000).incrementBy(10));
        md.table(
                "teams",
                column("id", INTEGER).primaryKey().autoincrement(),
                column("name", string(50)).notNull().unique().comment("Team's display name"));
        List<TableElement> cols = new ArrayList<>(List.of(
                column("id", BIGINT).primaryKey().autoincrement(),
                column("team_id", INTEGER)
                        .references(ForeignKey.to("teams.id").onDelete(ReferentialAction.CASCADE))
                        .index(),
                column("small", SMALLINT),
                column("num", INTEGER),
                column("big", BIGINT),
                column("flag", BOOLEAN),
                column("label", string(100)),
                column("body", TEXT),
                column("code", character(3)),
                column("amount", numeric(12, 2)),
                column("price", MONEY),
                column("ratio", REAL),
                column("score", DOUBLE),
                column("day", DATE),
                column("at_time", TIME),
                column("at", TIMESTAMP),
                column("at_tz", TIMESTAMP_TZ)));
        if (hasInterval(d)) {
            cols.add(column("span", INTERVAL));
        }
        cols.addAll(List.of(
                column("data", BLOB),
                column("buf", BLOB_BUFFER),
                column("bin", binary(16)),
                column("uid", UUID),
                column("doc", JSON),
                column("mood", enumOf(Mood.class)),
                column("status", enumOf(Status.class).nativeEnum())));
        if (hasArrays(d)) {
            cols.add(column("tags", arrayOf(string(20))));
        }
        cols.addAll(List.of(
                column("created", TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"),
                CheckConstraint.of("amount >= 0").named("ck_everything_amount"),
                UniqueConstraint.of("label", "code").named("uq_everything_label_code"),
                Index.on("day", "at").named("ix_everything_day_at"),
                Index.on("score").where("score > 0").named("ix_everything_positive_score")));
        md.table("everything", cols.toArray(TableElement[]::new));
        md.table(
                "line_items",
                column("order_id", INTEGER),
                column("line", SMALLINT),
                column("qty", INTEGER).notNull().serverDefault("1"),
                PrimaryKeyConstraint.of("order_id", "line"),
                Index.on("qty").unique().named("ix_line_items_qty"));
        md.table(
                "line_notes",
                column("id", INTEGER).primaryKey(),
                column("order_id", INTEGER).notNull(),
                column("line", SMALLINT).notNull(),
                column("note", string(200)),
                ForeignKeyConstraint.of(List.of("order_id", "line"), "line_items", List.of("order_id", "line"))
                        .named("fk_line_notes_line_items")
                        .onDelete(ReferentialAction.CASCADE)
                        .onUpdate(ReferentialAction.CASCADE));
        return md;
    }

    /** Two tables that refer to each other. */
    static MetaData cycle() {
        MetaData md = new MetaData();
        md.table(
                "a", column("id", INTEGER).primaryKey(), column("b_id", INTEGER).references("b.id"));
        md.table(
                "b", column("id", INTEGER).primaryKey(), column("a_id", INTEGER).references("a.id"));
        return md;
    }
}
