package io.retort.core.internal;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.retort.core.ConnectionFailureException;
import io.retort.core.DatabaseException;
import io.retort.core.IntegrityViolationException;
import io.retort.core.QueryTimeoutException;
import io.retort.core.RetortException;
import io.retort.core.SqlSyntaxException;
import io.retort.core.TransactionRollbackException;
import java.io.IOException;
import java.net.ConnectException;

/** Wraps driver exceptions into Retort's hierarchy, keeping the cause and adding the SQL. */
public final class Errors {
    private Errors() {}

    public static Throwable translate(Throwable e, String sql) {
        if (e instanceof RetortException) {
            return e;
        }
        if (e instanceof R2dbcException r) {
            String state = r.getSqlState();
            String msg = r.getMessage();
            if (r instanceof R2dbcDataIntegrityViolationException || classOf(state, "23")) {
                return new IntegrityViolationException(msg, sql, state, e);
            }
            if (r instanceof R2dbcTimeoutException || "57014".equals(state)) {
                return new QueryTimeoutException(msg, sql, state, e);
            }
            if (r instanceof R2dbcRollbackException || classOf(state, "40")) {
                return new TransactionRollbackException(msg, sql, state, e);
            }
            if (r instanceof R2dbcBadGrammarException || classOf(state, "42")) {
                return new SqlSyntaxException(msg, sql, state, e);
            }
            if (r instanceof R2dbcNonTransientResourceException
                    || r instanceof R2dbcTransientResourceException
                    || classOf(state, "08")) {
                return new ConnectionFailureException(msg, sql, state, e);
            }
            return new DatabaseException(msg, sql, state, e);
        }
        if (e instanceof ConnectException || e instanceof IOException || hasCause(e, ConnectException.class)) {
            return new ConnectionFailureException(e.getMessage(), sql, null, e);
        }
        return e;
    }

    /**
     * Reactor's {@code usingWhen} reports a failed commit as "Async resource cleanup failed after onComplete"
     * around the real error; callers want the real one.
     */
    public static Throwable unwrapCleanup(Throwable e) {
        String m = e.getMessage();
        if (e.getClass() == RuntimeException.class
                && m != null
                && m.startsWith("Async resource cleanup failed")
                && e.getCause() != null) {
            return e.getCause();
        }
        return e;
    }

    private static boolean classOf(String state, String prefix) {
        return state != null && state.startsWith(prefix);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
