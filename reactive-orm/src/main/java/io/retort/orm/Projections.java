package io.retort.orm;

import io.retort.core.Row;
import io.retort.orm.internal.ProjectionMapper;
import java.util.function.Function;

/**
 * Maps rows onto Java records or DTO classes by name: each record component (or constructor parameter, compiled
 * with {@code javac -parameters}) takes the result column of the same name, compared exactly, then ignoring case,
 * then as snake_case ({@code teamId} reads {@code team_id}). Values convert like {@link Row#get(int, Class)}. The
 * constructor is resolved once per class (a MethodHandle) and the column order once per result shape; mapping a
 * row is one array fill and one constructor call, without reflection.
 *
 * <pre>{@code
 * record UserName(Long id, String name) {}
 * session.execute(select(User_.id, User_.name)).map(Projections.to(UserName.class));   // Flux<UserName>
 * session.select(User.class).where(User_.name.like("s%")).project(UserName.class);      // the same, ORM style
 * }</pre>
 */
public final class Projections {
    private Projections() {}

    /**
     * A function from a row to a new {@code type}, for {@code Flux.map}.
     *
     * @throws MappingException when {@code type} is not a record or a class with a constructor whose parameter
     *     names are known; when applied, naming the component that has no column, or a NULL for a primitive
     */
    public static <R> Function<Row, R> to(Class<R> type) {
        return ProjectionMapper.of(type);
    }
}
