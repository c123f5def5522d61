package io.retort.orm;

import io.retort.orm.mapping.Strategy;
import io.retort.orm.metamodel.Attribute;
import java.util.List;

/**
 * Loader options for queries, SQLAlchemy's {@code selectinload}, {@code joinedload}, {@code lazyload},
 * {@code raiseload} and {@code noload}. Import statically.
 *
 * <pre>{@code
 * import static io.retort.orm.Loading.*;
 *
 * session.select(User.class).options(selectinload(User_.addresses)).all();          // 2 statements in all
 * session.select(User.class).options(raiseload(User_.addresses)).all();             // access fails instead of N+1
 * session.select(User.class).options(selectinload(User_.orders).selectinload(Order_.items)).all();
 * }</pre>
 */
public final class Loading {
    private Loading() {}

    private static LoaderOption of(Attribute<?, ?> relationship, Strategy strategy) {
        return new LoaderOption(
                List.of(new LoaderOption.Step(relationship.entityType(), relationship.name(), strategy)));
    }

    /** One extra {@code SELECT ... WHERE key IN (...)} per batch of up to 500 parents. */
    public static LoaderOption selectinload(Attribute<?, ?> relationship) {
        return of(relationship, Strategy.SELECTIN);
    }

    /** The same, naming the relationship by entity and attribute name. */
    public static LoaderOption selectinload(Class<?> entity, String relationship) {
        return new LoaderOption(List.of(new LoaderOption.Step(entity, relationship, Strategy.SELECTIN)));
    }

    /** A LEFT OUTER JOIN in the parents' statement; parents are de-duplicated. */
    public static LoaderOption joinedload(Attribute<?, ?> relationship) {
        return of(relationship, Strategy.JOINED);
    }

    /** Leaves the relationship unloaded; {@code fetch()} loads it. */
    public static LoaderOption lazyload(Attribute<?, ?> relationship) {
        return of(relationship, Strategy.LAZY);
    }

    /** Leaves it unloaded and makes any access fail, naming the attribute. */
    public static LoaderOption raiseload(Attribute<?, ?> relationship) {
        return of(relationship, Strategy.RAISE);
    }

    /** Leaves it empty. */
    public static LoaderOption noload(Attribute<?, ?> relationship) {
        return of(relationship, Strategy.NOLOAD);
    }
}
