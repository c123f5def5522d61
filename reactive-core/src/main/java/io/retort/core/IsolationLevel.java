package io.retort.core;

/**
 * Transaction isolation levels, per engine ({@link EngineOptions.Builder#isolationLevel}) or per transaction
 * ({@link Engine#transaction(IsolationLevel, java.util.function.Function)}).
 *
 * <pre>{@code
 * engine.transaction(IsolationLevel.SERIALIZABLE, conn -> conn.execute(text("SELECT ...")));
 * }</pre>
 */
public enum IsolationLevel {
    READ_UNCOMMITTED(io.r2dbc.spi.IsolationLevel.READ_UNCOMMITTED),
    READ_COMMITTED(io.r2dbc.spi.IsolationLevel.READ_COMMITTED),
    REPEATABLE_READ(io.r2dbc.spi.IsolationLevel.REPEATABLE_READ),
    SERIALIZABLE(io.r2dbc.spi.IsolationLevel.SERIALIZABLE);

    private final io.r2dbc.spi.IsolationLevel r2dbc;

    IsolationLevel(io.r2dbc.spi.IsolationLevel r2dbc) {
        this.r2dbc = r2dbc;
    }

    /** The R2DBC SPI constant for this level. */
    public io.r2dbc.spi.IsolationLevel toR2dbc() {
        return r2dbc;
    }
}
