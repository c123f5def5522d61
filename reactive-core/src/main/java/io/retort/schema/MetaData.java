package io.retort.schema;

import io.retort.core.Connection;
import io.retort.core.Engine;
import io.retort.core.InvalidRequestException;
import io.retort.dialect.Dialect;
import io.retort.dialect.Reflector;
import io.retort.types.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A collection of {@link Table}s and {@link Sequence}s, SQLAlchemy's {@code MetaData}: defines them, orders them
 * by foreign-key dependency, creates and drops them, and reflects them from a live database.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("users", column("id", INTEGER).primaryKey(), column("name", string(30)).notNull());
 * Table addresses = metadata.table("addresses",
 *         column("id", INTEGER).primaryKey(),
 *         column("user_id", INTEGER).notNull().references("users.id"));
 * metadata.createAll(engine);          // Mono<Void>: CREATE TABLE users, then addresses; skips existing tables
 * MetaData.reflect(engine);            // Mono<MetaData> of what the database holds
 * }</pre>
 */
public final class MetaData {
    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Sequence> sequences = Collections.synchronizedMap(new LinkedHashMap<>());
    private final NamingConvention namingConvention;
    private final String schema;

    /** An empty MetaData with the default naming convention (only indexes are named). */
    public MetaData() {
        this(NamingConvention.defaults(), null);
    }

    /**
     * An empty MetaData whose unnamed constraints and indexes are named by {@code convention}.
     *
     * <pre>{@code
     * new MetaData(NamingConvention.defaults().with("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"));
     * }</pre>
     */
    public MetaData(NamingConvention convention) {
        this(convention, null);
    }

    /**
     * An empty MetaData whose tables default to {@code schema} (SQLAlchemy's {@code MetaData(schema=...)}).
     *
     * <pre>{@code
     * new MetaData(NamingConvention.defaults(), "audit").table("events", ...);   // audit.events
     * }</pre>
     */
    public MetaData(NamingConvention convention, String schema) {
        this.namingConvention = Objects.requireNonNull(convention, "convention");
        this.schema = schema;
    }

    /** How unnamed constraints and indexes are named. */
    public NamingConvention namingConvention() {
        return namingConvention;
    }

    /** The default schema of new tables, or {@code null}. */
    public String schema() {
        return schema;
    }

    /**
     * Defines a table in the MetaData's default schema.
     *
     * <pre>{@code
     * metadata.table("users", column("id", INTEGER).primaryKey(), UniqueConstraint.of("id"));
     * }</pre>
     *
     * @throws InvalidRequestException when a table of that name is already defined, a column is repeated, a
     *     constraint names a missing column, or a foreign key names a column its (already defined) target
     *     table does not have
     */
    public Table table(String name, TableElement... elements) {
        return table(schema, name, elements);
    }

    /**
     * Defines a table in {@code schema} ({@code null}: the connection's default).
     *
     * <pre>{@code
     * metadata.table("audit", "events", column("id", BIGINT).primaryKey());   // CREATE TABLE audit.events (...)
     * }</pre>
     */
    public Table table(String schema, String name, TableElement... elements) {
        Table t = new Table(this, schema, name, List.of(elements));
        synchronized (tables) {
            if (tables.containsKey(t.key())) {
                throw new InvalidRequestException("Table '" + t.key() + "' is already defined in this MetaData");
            }
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                Table ref = fk.referredTable().equals(t.key()) ? t : tables.get(fk.referredTable());
                if (ref != null) {
                    checkReferredColumns(t, fk, ref);
                }
            }
            tables.put(t.key(), t);
        }
        return t;
    }

    /**
     * The table with key {@code key} ({@code "name"} or {@code "schema.name"}), or an error listing the
     * tables that exist.
     */
    public Table table(String key) {
        Table t = tables.get(key);
        if (t == null) {
            throw new InvalidRequestException(
                    "Table '" + key + "' not found in MetaData (tables: " + String.join(", ", tables.keySet()) + ")");
        }
        return t;
    }

    /** {@code true} if a table with this key is defined. */
    public boolean hasTable(String key) {
        return tables.containsKey(key);
    }

    /** The tables in definition order. */
    public List<Table> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
        }
    }

    /**
     * The tables in foreign-key dependency order (referred tables first), SQLAlchemy's {@code sorted_tables}.
     *
     * @throws InvalidRequestException when a foreign key refers to a table or column that is not defined
     */
    public List<Table> sortedTables() {
        return List.copyOf(SchemaPlan.of(this).order);
    }

    /**
     * Registers a sequence, created before the tables and dropped after them.
     *
     * <pre>{@code
     * metadata.sequence(Sequence.named("order_numbers").startWith(1000));
     * }</pre>
     */
    public Sequence sequence(Sequence sequence) {
        synchronized (sequences) {
            if (sequences.containsKey(sequence.key())) {
                throw new InvalidRequestException(
                        "Sequence '" + sequence.key() + "' is already defined in this MetaData");
            }
            sequences.put(sequence.key(), sequence);
        }
        return sequence;
    }

    /** The sequences in definition order. */
    public List<Sequence> sequences() {
        synchronized (sequences) {
            return List.copyOf(sequences.values());
        }
    }

    void validateForeignKey(Table t, ForeignKeyConstraint fk) {
        Table ref = tables.get(fk.referredTable());
        if (ref == null) {
            throw new InvalidRequestException("Foreign key " + fk.columns() + " of table '" + t.key()
                    + "' refers to table '" + fk.referredTable() + "', which is not defined in this MetaData (tables: "
                    + String.join(", ", tables.keySet()) + ")");
        }
        checkReferredColumns(t, fk, ref);
    }

    private static void checkReferredColumns(Table t, ForeignKeyConstraint fk, Table ref) {
        for (int i = 0; i < fk.referredColumns().size(); i++) {
            String rc = fk.referredColumns().get(i);
            if (!ref.hasColumn(rc)) {
                throw new InvalidRequestException("Foreign key on column '" + t.key() + "."
                        + fk.columns().get(i)
                        + "' refers to column '" + ref.key() + "." + rc + "', which does not exist (columns of "
                        + ref.key() + ": "
                        + String.join(
                                ", ", ref.columns().stream().map(Column::name).toList()) + ")");
            }
        }
    }

    // ------------------------------------------------------------------ DDL

    /**
     * The SQL {@link #createAll(Engine)} would run on an empty database, compiled for {@code dialect}
     * (SQLAlchemy's {@code CreateTable(t).compile(dialect=...)} for the whole MetaData).
     *
     * <pre>{@code
     * metadata.createDdl(new PostgresDialect()).forEach(System.out::println);
     * }</pre>
     *
     * @throws InvalidRequestException naming the table and column when the dialect cannot represent a type
     */
    public List<String> createDdl(Dialect dialect) {
        return compile(dialect, SchemaPlan.of(this).create(dialect, this, Set.of(), Set.of(), Set.of()));
    }

    /** The SQL {@link #dropAll(Engine)} would run when every table exists, compiled for {@code dialect}. */
    public List<String> dropDdl(Dialect dialect) {
        Set<String> all = new HashSet<>(tables.keySet());
        Set<String> seqs = new HashSet<>(sequences.keySet());
        Set<String> types = new HashSet<>();
        for (Table t : tables()) {
            for (var e : SchemaPlan.nativeEnums(List.of(t))) {
                types.add((t.schema() == null ? "" : t.schema() + ".") + e.typeName());
            }
        }
        return compile(dialect, SchemaPlan.of(this).drop(dialect, this, all, seqs, types));
    }

    private static List<String> compile(Dialect dialect, List<DdlStatement> statements) {
        List<String> out = new ArrayList<>(statements.size());
        for (DdlStatement s : statements) {
            out.add(dialect.compile(s).sql());
        }
        return out;
    }

    /**
     * Creates the tables, indexes, sequences (and PostgreSQL enum types) that do not exist yet, in dependency
     * order, one statement after another on one connection (SQLAlchemy's {@code create_all(checkfirst=True)}). Completes when all are created; errors with the first failing
     * statement's {@link io.retort.core.DatabaseException}, or an {@link InvalidRequestException} (no I/O) when
     * the schema is invalid for the dialect. Cancelling stops after the current statement.
     *
     * <pre>{@code
     * metadata.createAll(engine).then(...);
     * }</pre>
     */
    public Mono<Void> createAll(Engine engine) {
        return run(engine, true);
    }

    /**
     * Drops the MetaData's tables that exist, in reverse dependency order, first dropping foreign keys that
     * form a cycle; then its sequences and enum types (SQLAlchemy's {@code drop_all(checkfirst=True)}).
     * Completes when done; errors like {@link #createAll(Engine)}.
     */
    public Mono<Void> dropAll(Engine engine) {
        return run(engine, false);
    }

    private Mono<Void> run(Engine engine, boolean create) {
        return Mono.defer(() -> {
            Dialect dialect = engine.dialect();
            SchemaPlan plan = SchemaPlan.of(this);
            // compile (and so validate) everything before any I/O
            List<DdlStatement> all = create ? plan.create(dialect, this, Set.of(), Set.of(), Set.of()) : List.of();
            all.forEach(dialect::compile);
            return engine.connect(conn -> existing(conn, dialect).flatMapMany(ex -> {
                        List<DdlStatement> stmts = create
                                ? plan.create(dialect, this, ex.get(0), ex.get(1), ex.get(2))
                                : plan.drop(dialect, this, ex.get(0), ex.get(1), ex.get(2));
                        return Flux.fromIterable(stmts).concatMap(conn::executeUpdate);
                    }))
                    .then();
        });
    }

    private Mono<List<Set<String>>> existing(Connection conn, Dialect dialect) {
        Reflector r = dialect.reflector();
        Set<String> schemas = new LinkedHashSet<>();
        for (Table t : tables()) {
            schemas.add(t.schema() == null ? "" : t.schema());
        }
        for (Sequence s : sequences()) {
            schemas.add(s.schema() == null ? "" : s.schema());
        }
        Function<String, String> nul = s -> s.isEmpty() ? null : s;
        Function<String, Function<String, String>> key = s -> n -> s.isEmpty() ? n : s + "." + n;
        Mono<Set<String>> tablesM = Flux.fromIterable(schemas)
                .concatMap(s -> r.tableNames(conn, nul.apply(s)).map(key.apply(s)))
                .collect(HashSet::new, Set::add);
        Mono<Set<String>> seqM = Flux.fromIterable(schemas)
                .concatMap(s -> r.sequenceNames(conn, nul.apply(s)).map(key.apply(s)))
                .collect(HashSet::new, Set::add);
        Mono<Set<String>> typesM = Flux.fromIterable(schemas)
                .concatMap(s -> r.enumTypeNames(conn, nul.apply(s)).map(key.apply(s)))
                .collect(HashSet::new, Set::add);
        return tablesM.flatMap(t -> seqM.flatMap(s -> typesM.map(ty -> List.of(t, s, ty))));
    }

    // ------------------------------------------------------------------ reflection

    /**
     * A new MetaData holding every table of the engine's default schema as the database describes it:
     * columns with generic types, nullability, defaults, primary keys, foreign keys, unique constraints and
     * indexes (SQLAlchemy's {@code metadata.reflect(engine)}). Emits the MetaData once all tables are read;
     * errors with the catalog query's {@link io.retort.core.DatabaseException}.
     *
     * <pre>{@code
     * MetaData.reflect(engine).map(md -> md.table("users").c("name").type());   // VARCHAR(30)
     * }</pre>
     */
    public static Mono<MetaData> reflect(Engine engine) {
        return reflect(engine, null);
    }

    /** {@link #reflect(Engine)} for the tables of {@code schema}. */
    public static Mono<MetaData> reflect(Engine engine, String schema) {
        Reflector r = engine.dialect().reflector();
        return engine.connect(conn ->
                        r.tableNames(conn, schema).sort().concatMap(name -> reflectTable(conn, r, schema, name)))
                .collectList()
                .map(defs -> {
                    MetaData md = new MetaData(NamingConvention.of(Map.of()), schema);
                    for (TableDef d : defs) {
                        md.table(schema, d.name, d.elements.toArray(TableElement[]::new));
                    }
                    return md;
                });
    }

    private record TableDef(String name, List<TableElement> elements) {}

    private static Mono<TableDef> reflectTable(Connection conn, Reflector r, String schema, String name) {
        Mono<List<ReflectedColumn>> cols = r.columns(conn, schema, name).collectList();
        Mono<List<PrimaryKeyConstraint>> pk =
                r.primaryKey(conn, schema, name).flux().collectList();
        Mono<List<ForeignKeyConstraint>> fks = r.foreignKeys(conn, schema, name).collectList();
        Mono<List<UniqueConstraint>> uqs =
                r.uniqueConstraints(conn, schema, name).collectList();
        Mono<List<Index>> ixs = r.indexes(conn, schema, name).collectList();
        return cols.flatMap(c -> pk.flatMap(p -> fks.flatMap(f -> uqs.flatMap(u -> ixs.map(i -> {
            List<TableElement> el = new ArrayList<>();
            for (ReflectedColumn rc : c) {
                @SuppressWarnings("unchecked")
                Column<Object> col = Column.column(rc.name(), (SqlType<Object>) rc.type());
                if (!rc.nullable()) {
                    col = col.notNull();
                }
                if (rc.serverDefault() != null) {
                    col = col.serverDefault(rc.serverDefault());
                }
                if (rc.autoincrement()) {
                    col = col.autoincrement();
                }
                if (rc.comment() != null) {
                    col = col.comment(rc.comment());
                }
                el.add(col);
            }
            el.addAll(p);
            el.addAll(f);
            el.addAll(u);
            el.addAll(i);
            return new TableDef(name, el);
        })))));
    }
}
