package io.retort.bench.hr;

import io.retort.bench.Counters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.SqlConnectOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import org.hibernate.reactive.pool.impl.DefaultSqlClientPool;

/**
 * Hibernate Reactive's default Vert.x pool, with the Vert.x {@link Pool} it creates wrapped so that every statement
 * and transaction control call Hibernate Reactive makes on the Vert.x SQL client is counted, the way the R2DBC
 * contenders' {@code CountingConnectionFactory} counts theirs: one statement per {@code execute} /
 * {@code executeBatch} of a {@link Query} or {@link PreparedQuery} (a batch counts its tuples as parameter sets, a
 * single execution one), one transaction control call per {@code begin}, {@code commit} and {@code rollback}.
 *
 * <p>The wrappers are JDK dynamic proxies over the Vert.x interfaces (a few reflective calls per statement); the
 * objects Vert.x returns are otherwise passed through unchanged.
 */
public final class CountingSqlClientPool extends DefaultSqlClientPool {
    private final Counters counters;

    public CountingSqlClientPool(Counters counters) {
        this.counters = counters;
    }

    @Override
    protected Pool createPool(URI uri, SqlConnectOptions connectOptions, PoolOptions poolOptions, Vertx vertx) {
        Pool pool = super.createPool(uri, connectOptions, poolOptions, vertx);
        return proxy(Pool.class, pool, new Forwarding(pool) {
            @Override
            Object after(Object proxy, Method m, Object[] args, Object result) {
                if (m.getName().equals("getConnection") && result instanceof Future<?> f) {
                    return f.map(c -> connection((SqlConnection) c));
                }
                return super.after(proxy, m, args, result);
            }
        });
    }

    private SqlConnection connection(SqlConnection real) {
        return proxy(SqlConnection.class, real, new Forwarding(real) {
            private Transaction lastReal;
            private Transaction lastProxy;

            /** The same proxy for the same transaction: Hibernate Reactive uses its identity as the tx id. */
            private synchronized Transaction tx(Transaction t) {
                if (t == null) {
                    return null;
                }
                if (t != lastReal) {
                    lastReal = t;
                    lastProxy = transaction(t);
                }
                return lastProxy;
            }

            @Override
            void before(Method m, Object[] args) {
                if (m.getName().equals("begin")) {
                    counters.countTransactionControl();
                }
            }

            @Override
            Object after(Object proxy, Method m, Object[] args, Object result) {
                if (result instanceof Transaction t) {
                    return tx(t);
                }
                if (m.getName().equals("begin") && result instanceof Future<?> f) {
                    return f.map(t -> tx((Transaction) t));
                }
                return super.after(proxy, m, args, result);
            }
        });
    }

    private Transaction transaction(Transaction real) {
        return proxy(Transaction.class, real, new Forwarding(real) {
            @Override
            void before(Method m, Object[] args) {
                if (m.getName().equals("commit") || m.getName().equals("rollback")) {
                    counters.countTransactionControl();
                }
            }
        });
    }

    private Object query(Class<?> type, Object real) {
        return proxy(type, real, new Forwarding(real) {
            @Override
            void before(Method m, Object[] args) {
                switch (m.getName()) {
                    case "execute" -> counters.countStatement(1);
                    case "executeBatch" -> counters.countStatement(((List<?>) args[0]).size());
                    default -> {}
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    /**
     * Forwards every call to the target; a {@link Query} or {@link PreparedQuery} it returns is wrapped (counted),
     * and a fluent {@code return this} returns the proxy.
     */
    private class Forwarding implements InvocationHandler {
        private final Object target;

        Forwarding(Object target) {
            this.target = target;
        }

        /** Called before the target's method; counts. */
        void before(Method m, Object[] args) {}

        /** Called with the target's result; returns what the caller gets. */
        Object after(Object proxy, Method m, Object[] args, Object result) {
            if (result == target) {
                return proxy;
            }
            if (result instanceof PreparedQuery<?>) {
                return query(PreparedQuery.class, result);
            }
            if (result instanceof Query<?>) {
                return query(Query.class, result);
            }
            return result;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> m.invoke(target, args);
                };
            }
            before(m, args);
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after(proxy, m, args, result);
        }
    }
}
