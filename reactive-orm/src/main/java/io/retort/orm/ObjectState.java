package io.retort.orm;

/**
 * The state of an object relative to a session, as SQLAlchemy names them.
 *
 * <pre>{@code
 * User u = new User("sandy", "Sandy Cheeks");
 * session.state(u);     // TRANSIENT
 * session.add(u);
 * session.state(u);     // PENDING
 * session.flush()...    // PERSISTENT
 * }</pre>
 */
public enum ObjectState {
    /** Not in any session and not in the database. */
    TRANSIENT,
    /** Added to the session; inserted at the next flush. */
    PENDING,
    /** In the session's identity map, with a database row. */
    PERSISTENT,
    /** Marked for deletion; deleted at the next flush. */
    DELETED,
    /** Has a database row but is no longer in a session (expunged, or the session closed). */
    DETACHED
}
