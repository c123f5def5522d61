package io.retort.schema.internal;

import io.retort.core.Engine;
import io.retort.dialect.Reflector;
import io.retort.schema.ForeignKeyConstraint;
import io.retort.schema.Index;
import io.retort.schema.Inspector;
import io.retort.schema.PrimaryKeyConstraint;
import io.retort.schema.ReflectedColumn;
import io.retort.schema.UniqueConstraint;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The {@link Inspector} of an engine: each call borrows a connection and runs the dialect's {@link Reflector}. */
public final class DefaultInspector implements Inspector {
    private final Engine engine;
    private final Reflector reflector;

    public DefaultInspector(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reflector = engine.dialect().reflector();
    }

    @Override
    public Mono<List<String>> tableNames(String schema) {
        return engine.connect(c -> reflector.tableNames(c, schema)).sort().collectList();
    }

    @Override
    public Mono<Boolean> hasTable(String schema, String table) {
        return tableNames(schema).map(names -> names.contains(table));
    }

    @Override
    public Mono<List<ReflectedColumn>> columns(String schema, String table) {
        return engine.connect(c -> reflector.columns(c, schema, table)).collectList();
    }

    @Override
    public Mono<PrimaryKeyConstraint> primaryKey(String schema, String table) {
        return engine.connect(c -> reflector.primaryKey(c, schema, table)).next();
    }

    @Override
    public Mono<List<ForeignKeyConstraint>> foreignKeys(String schema, String table) {
        return engine.connect(c -> reflector.foreignKeys(c, schema, table))
                .sort(Comparator.comparing(f -> String.valueOf(f.name())))
                .collectList();
    }

    @Override
    public Mono<List<Index>> indexes(String schema, String table) {
        return engine.connect(c -> reflector.indexes(c, schema, table))
                .sort(Comparator.comparing(Index::name))
                .collectList();
    }

    @Override
    public Mono<List<UniqueConstraint>> uniqueConstraints(String schema, String table) {
        return engine.connect(c -> reflector.uniqueConstraints(c, schema, table))
                .sort(Comparator.comparing(u -> String.valueOf(u.name())))
                .collectList();
    }

    @Override
    public Mono<List<String>> sequenceNames(String schema) {
        return engine.connect(c -> reflector.sequenceNames(c, schema)).sort().collectList();
    }
}
