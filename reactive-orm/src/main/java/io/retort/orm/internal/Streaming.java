package io.retort.orm.internal;

import io.retort.sql.Select;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Streamed entity queries without the identity map (SQLAlchemy's {@code yield_per}): rows fetched {@code batch} at
 * a time, each hydrated into a new detached object, optionally windowed for eager loaders.
 */
public final class Streaming {
    private Streaming() {}

    /** The detached objects of {@code select}. */
    public static <T> Flux<T> stream(
            DefaultSession session, EntityModel<T> model, Select select, int batch, WindowLoader loader) {
        List<AttributeModel> attrs = model.attributes();
        io.retort.dialect.TypeMap types = session.statements().dialect().typeMap();
        Flux<T> objects = session.runRead(select, c -> c.execute(select, java.util.Map.of(), batch))
                .map(row -> Hydration.detached(model, attrs, types, row, 0));
        if (loader == WindowLoader.NONE) {
            return objects;
        }
        return objects.buffer(batch)
                .concatMap(window -> loader.load(List.copyOf(window)), 1)
                .flatMapIterable(window -> window)
                .map(model.type()::cast);
    }
}
