package io.retort.orm;

import io.retort.orm.mapping.Strategy;
import io.retort.orm.metamodel.Attribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How one relationship path is loaded by a query, overriding the relationships' own strategies: made by
 * {@link Loading}'s static methods and chained for nested paths.
 *
 * <pre>{@code
 * session.select(User.class).options(selectinload(User_.orders).selectinload(Order_.items)).all();
 * }</pre>
 */
public final class LoaderOption {

    /** One step of a path: a relationship (by entity and attribute name) and its strategy. */
    public record Step(Class<?> entity, String relationship, Strategy strategy) {}

    private final List<Step> path;

    LoaderOption(List<Step> path) {
        this.path = Collections.unmodifiableList(path);
    }

    /** The steps, outermost first. */
    public List<Step> path() {
        return path;
    }

    private LoaderOption then(Attribute<?, ?> relationship, Strategy strategy) {
        List<Step> p = new ArrayList<>(path);
        p.add(new Step(relationship.entityType(), relationship.name(), strategy));
        return new LoaderOption(p);
    }

    /** Then loads {@code relationship} of the previous step's objects with selectin. */
    public LoaderOption selectinload(Attribute<?, ?> relationship) {
        return then(relationship, Strategy.SELECTIN);
    }

    /** Then loads {@code relationship} of the previous step's objects with a join. */
    public LoaderOption joinedload(Attribute<?, ?> relationship) {
        return then(relationship, Strategy.JOINED);
    }

    /** Then leaves {@code relationship} lazy. */
    public LoaderOption lazyload(Attribute<?, ?> relationship) {
        return then(relationship, Strategy.LAZY);
    }

    /** Then makes {@code relationship} raise on access. */
    public LoaderOption raiseload(Attribute<?, ?> relationship) {
        return then(relationship, Strategy.RAISE);
    }

    /** Then leaves {@code relationship} empty. */
    public LoaderOption noload(Attribute<?, ?> relationship) {
        return then(relationship, Strategy.NOLOAD);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
