package io.retort.examples.webflux;

import io.retort.core.Engine;
import io.retort.core.EngineOptions;
import io.retort.orm.SessionFactory;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Retort beans: one {@link Engine} for {@code retort.url} (default: in-memory H2), one
 * {@link SessionFactory}, and {@link ReactiveTransactions}. The mapped tables are created at start-up when they
 * do not exist (start-up may wait for that; request handling never blocks).
 *
 * <pre>{@code
 * --retort.url=r2dbc:postgresql://postgres@127.0.0.1:5432/test --retort.echo=true
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
public class RetortConfiguration {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /**
     * The engine, disposed with the application context.
     *
     * @param url the R2DBC URL
     * @param echo whether to log every statement
     * @return the engine
     */
    // tag::beans[]
    @Bean
    public Engine engine(
            @Value("${retort.url:r2dbc:h2:mem:///webflux?options=DB_CLOSE_DELAY=-1}") String url,
            @Value("${retort.echo:false}") boolean echo) {
        return Engine.create(url, EngineOptions.builder().echo(echo).build());
    }

    /**
     * The session factory; creates the mapped tables that are missing.
     *
     * @param engine the engine
     * @return the factory
     */
    @Bean
    public SessionFactory sessionFactory(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(User.class, Address.class)
                .build();
        sessions.metadata().createAll(engine).block(STARTUP); // start-up only, not a request path
        return sessions;
    }
    // end::beans[]

    /**
     * Transactions shared through the Reactor Context.
     *
     * @param sessions the factory
     * @return the helper
     */
    @Bean
    public ReactiveTransactions reactiveTransactions(SessionFactory sessions) {
        return new ReactiveTransactions(sessions);
    }

    /** Releases the engine's connections when the context closes. */
    @Bean
    public org.springframework.beans.factory.DisposableBean engineDisposer(Engine engine) {
        return () -> engine.dispose().block(STARTUP);
    }
}
