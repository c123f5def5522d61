package io.retort.orm.internal;

import io.retort.core.Engine;
import io.retort.core.Row;
import io.retort.dialect.TypeMap;
import io.retort.orm.Lazy;
import io.retort.orm.LazyList;
import io.retort.sql.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Selectin loading for a streamed query: for each window of detached parents, one {@code IN (...)} query per
 * relationship on a second pooled connection (the session's own connection is busy reading the stream), the
 * related rows hydrated as detached objects too. Memory stays bounded by the window. The second connection sees
 * committed rows (read committed): what the session itself wrote but has not committed is not visible to it.
 */
final class SelectinWindowLoader implements WindowLoader {
    private final Engine engine;
    private final TypeMap types;
    private final List<RelationshipModel> relationships;

    SelectinWindowLoader(Engine engine, TypeMap types, List<RelationshipModel> relationships) {
        this.engine = engine;
        this.types = types;
        this.relationships = relationships;
    }

    @Override
    public Mono<List<Object>> load(List<Object> window) {
        return Flux.fromIterable(relationships)
                .concatMap(r -> switch (r.kind) {
                    case ONE_TO_MANY -> oneToMany(r, window);
                    case MANY_TO_ONE -> manyToOne(r, window);
                    case MANY_TO_MANY -> Mono.<Void>empty();
                })
                .then(Mono.just(window));
    }

    private Flux<Row> rows(Select q) {
        return engine.connect(c -> c.execute(q));
    }

    private Mono<Void> oneToMany(RelationshipModel rel, List<Object> parents) {
        RelationshipModel back = rel.inverse;
        List<AttributeModel> parentKey = Relationships.referenced(back);
        Map<Object, Object> byKey = new LinkedHashMap<>();
        for (Object p : parents) {
            Object key = Relationships.keyOf(parentKey, p);
            if (key != null) {
                byKey.put(key, p);
            }
        }
        if (byKey.isEmpty()) {
            return Mono.empty();
        }
        Select q = Relationships.selectOf(rel.target)
                .where(Relationships.keyIn(Relationships.columnsOf(back.foreignKeys), new ArrayList<>(byKey.keySet())));
        if (rel.orderBy != null) {
            q = Relationships.orderBy(q, rel);
        }
        Map<Object, List<Object>> children = new HashMap<>();
        List<AttributeModel> attrs = rel.target.attributes();
        return rows(q).doOnNext(row -> {
                    Object child = Hydration.detached(rel.target, attrs, types, row, 0);
                    Object key = Relationships.keyOf(back.foreignKeys, child);
                    children.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
                })
                .then(Mono.fromRunnable(() -> {
                    for (Map.Entry<Object, Object> e : byKey.entrySet()) {
                        List<Object> kids = children.getOrDefault(e.getKey(), List.of());
                        fill(rel, e.getValue(), kids);
                        for (Object kid : kids) {
                            Relationships.lazyOf(back, kid).fill(e.getValue());
                        }
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> manyToOne(RelationshipModel rel, List<Object> children) {
        List<AttributeModel> targetKey = Relationships.referenced(rel);
        Map<Object, List<Object>> byKey = new LinkedHashMap<>();
        for (Object c : children) {
            Lazy<Object> l = Relationships.lazyOf(rel, c);
            Object key = l.isLoaded() ? null : l.foreignKey();
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        if (byKey.isEmpty()) {
            return Mono.empty();
        }
        Select q = Relationships.selectOf(rel.target)
                .where(Relationships.keyIn(Relationships.columnsOf(targetKey), new ArrayList<>(byKey.keySet())));
        Map<Object, Object> loaded = new IdentityHashMap<>();
        List<AttributeModel> attrs = rel.target.attributes();
        return rows(q).doOnNext(row -> {
                    Object target = Hydration.detached(rel.target, attrs, types, row, 0);
                    for (Object c : byKey.getOrDefault(Relationships.keyOf(targetKey, target), List.of())) {
                        Relationships.lazyOf(rel, c).fill(target);
                        loaded.put(c, target);
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    for (List<Object> cs : byKey.values()) {
                        for (Object c : cs) {
                            if (!loaded.containsKey(c)) {
                                Relationships.lazyOf(rel, c).fill(null);
                            }
                        }
                    }
                }));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(RelationshipModel rel, Object owner, List<Object> values) {
        switch (rel.holder) {
            case LAZY -> Relationships.lazyOf(rel, owner).fill(values.isEmpty() ? null : values.get(0));
            case LAZY_LIST -> {
                Object h = rel.holderOf(owner);
                if (h == null) {
                    h = LazyList.empty();
                    rel.setHolder(owner, h);
                }
                ((LazyList) h).fill(values);
            }
            case PLAIN_LIST -> rel.setHolder(owner, new ArrayList<>(values));
        }
    }
}
