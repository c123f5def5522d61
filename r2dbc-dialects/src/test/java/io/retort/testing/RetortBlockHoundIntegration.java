package io.retort.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound settings for the test suite. Retort's own code must never block; these allowances cover only
 * the test environment: log appenders writing to the console, r2dbc-mariadb's one-time plugin lookup, and H2, an embedded database that does its
 * work (file and lock calls) on the calling thread by design.
 */
public final class RetortBlockHoundIntegration implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes");
        builder.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend");
        // r2dbc-mariadb looks its authentication plugins up with ServiceLoader (reading its jar) on the event loop
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.authentication.AuthenticationFlowPluginLoader", "get");
        // ... and reads its version resource in a static initializer during the first handshake
        builder.allowBlockingCallsInside("org.mariadb.r2dbc.util.VersionFactory", "getInstance");
        // ... and guards its client state (commands, transactions) with a briefly held ReentrantLock
        allowMethodsNamedLike(builder, "org.mariadb.r2dbc.client.SimpleClient", "");
        builder.allowBlockingCallsInside("org.h2.engine.SessionLocal", "lock");
        builder.allowBlockingCallsInside("org.h2.command.Command", "executeQuery");
        builder.allowBlockingCallsInside("org.h2.command.Command", "executeUpdate");
        builder.allowBlockingCallsInside("org.h2.engine.Database", "<init>");
    }

    private static void allowMethodsNamedLike(BlockHound.Builder builder, String className, String fragment) {
        try {
            for (java.lang.reflect.Method m : Class.forName(className).getDeclaredMethods()) {
                if (m.getName().contains(fragment)) {
                    builder.allowBlockingCallsInside(className, m.getName());
                }
            }
        } catch (ClassNotFoundException e) {
            // driver not on this class path: nothing to allow
        }
    }
}
