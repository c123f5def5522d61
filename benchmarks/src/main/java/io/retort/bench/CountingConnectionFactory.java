package io.retort.bench;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A delegating {@link ConnectionFactory} that counts what every contender sends to the server: each
 * {@code Statement.execute()} / {@code Batch.execute()}, the parameter sets bound, and transaction control. Every
 * contender's pool is built over one of these, so "statements issued" is measured the same way for all of them.
 */
public final class CountingConnectionFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;
    private final Counters counters;

    public CountingConnectionFactory(ConnectionFactory delegate, Counters counters) {
        this.delegate = delegate;
        this.counters = counters;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(c -> new CountingConnection(c, counters));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    static final class CountingConnection implements Connection {
        private final Connection c;
        private final Counters n;

        CountingConnection(Connection c, Counters n) {
            this.c = c;
            this.n = n;
        }

        private <T> Publisher<T> tx(Publisher<T> p) {
            return Mono.from(p).doOnSubscribe(s -> n.transactionControl.increment());
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return tx(c.beginTransaction());
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return tx(c.beginTransaction(definition));
        }

        @Override
        public Publisher<Void> close() {
            return c.close();
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return tx(c.commitTransaction());
        }

        @Override
        public Batch createBatch() {
            Batch b = c.createBatch();
            return new Batch() {
                @Override
                public Batch add(String sql) {
                    b.add(sql);
                    return this;
                }

                @Override
                public Publisher<? extends Result> execute() {
                    n.statements.increment();
                    return b.execute();
                }
            };
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return tx(c.createSavepoint(name));
        }

        @Override
        public Statement createStatement(String sql) {
            return new CountingStatement(c.createStatement(sql), n);
        }

        @Override
        public boolean isAutoCommit() {
            return c.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return c.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return c.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return tx(c.releaseSavepoint(name));
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return tx(c.rollbackTransaction());
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return tx(c.rollbackTransactionToSavepoint(name));
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return c.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return c.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return c.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
            return c.setTransactionIsolationLevel(isolationLevel);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return c.validate(depth);
        }
    }

    static final class CountingStatement implements Statement {
        private final Statement s;
        private final Counters n;
        private int sets = 1;

        CountingStatement(Statement s, Counters n) {
            this.s = s;
            this.n = n;
        }

        @Override
        public Statement add() {
            s.add();
            sets++;
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            s.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            s.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            s.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            s.bindNull(name, type);
            return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
            n.statements.increment();
            n.bindings.add(sets);
            return s.execute();
        }

        @Override
        public Statement fetchSize(int rows) {
            s.fetchSize(rows);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            s.returnGeneratedValues(columns);
            return this;
        }
    }
}
