package io.retort.orm;

/**
 * How an ORM bulk UPDATE or DELETE ({@link Session#bulkUpdate}, {@link Session#bulkDelete}) brings the objects
 * already loaded in the session in line with what it wrote, SQLAlchemy's {@code synchronize_session}.
 *
 * <pre>{@code
 * session.bulkUpdate(User.class).set(User_.fullname, "n/a").where(User_.name.like("s%"))
 *        .synchronize(SynchronizeSession.FETCH).execute();
 * }</pre>
 */
public enum SynchronizeSession {
    /**
     * Nothing is synchronised: loaded objects keep their old values until refreshed (or expired and reloaded).
     * The cheapest: one statement.
     */
    NONE,
    /**
     * The WHERE criteria are evaluated in Java against the loaded objects of the entity; matching objects get the
     * new values (SET expressions such as {@code score + 1} are evaluated too; one that cannot be is reloaded) or,
     * for a DELETE, are marked deleted. One statement; criteria that cannot be evaluated in Java (subqueries,
     * functions, other tables) are an error that suggests FETCH. The default, as in SQLAlchemy.
     */
    EVALUATE,
    /**
     * The matched primary keys are fetched from the database (RETURNING where the dialect has it, otherwise a
     * SELECT before the statement) and the loaded objects among them are refreshed from their rows, or, for a
     * DELETE, marked deleted. Works for any criteria; costs a SELECT where there is no RETURNING.
     */
    FETCH
}
