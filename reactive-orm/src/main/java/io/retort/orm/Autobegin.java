package io.retort.orm;

/**
 * When a session begins its database transaction. Either way the session takes one pooled connection on its first
 * statement and keeps it until commit, rollback or close; what differs is whether reads before the first write run
 * inside a transaction.
 *
 * <pre>{@code
 * SessionFactory.builder(engine).entities(User.class).autobegin(Autobegin.ON_FIRST_STATEMENT).build();
 * }</pre>
 */
public enum Autobegin {
    /**
     * The default: the transaction begins before the session first writes — a flush with something to write, a
     * DML or text statement through {@link Session#execute}, a bulk operation, a savepoint, a locking select
     * ({@code FOR UPDATE}) or an explicit {@link Session#begin()}. Reads before that run on the session's
     * connection in autocommit mode, so a session that only reads sends no {@code BEGIN} and no
     * {@code ROLLBACK}: a {@code get} is one round trip.
     *
     * <p>Under READ COMMITTED (the default of PostgreSQL and H2) this is what a transaction gives those reads
     * anyway: every statement sees the data committed before it started, and a plain SELECT takes no row locks.
     * Several reads that must see <em>one</em> snapshot (REPEATABLE READ or SERIALIZABLE, which is also
     * MariaDB's server default of REPEATABLE READ) need the transaction from the first statement: choose
     * {@link #ON_FIRST_STATEMENT}, call {@link Session#begin()} first, or set the engine's isolation level to
     * REPEATABLE READ or SERIALIZABLE, which makes sessions begin on their first statement. A SELECT that calls a
     * function with side effects (one that writes) is still a read here and runs in autocommit mode: begin first.
     */
    ON_FIRST_WRITE,

    /**
     * SQLAlchemy's behaviour: the transaction begins with the session's first statement, reads included; a session
     * that only reads sends {@code BEGIN} before its first query and {@code ROLLBACK} when it closes.
     */
    ON_FIRST_STATEMENT
}
