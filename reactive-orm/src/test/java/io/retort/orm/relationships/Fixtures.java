package io.retort.orm.relationships;

import io.retort.core.Engine;
import io.retort.orm.SessionFactory;
import io.retort.orm.relationships.model.Address;
import io.retort.orm.relationships.model.Customer;
import io.retort.orm.relationships.model.Item;
import io.retort.orm.relationships.model.Node;
import io.retort.orm.relationships.model.Order;
import io.retort.orm.relationships.model.Post;
import io.retort.orm.relationships.model.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The relationship tests' session factory: the shared model, plus extra entities, with its tables created. */
final class Fixtures {
    private Fixtures() {}

    static SessionFactory sessions(Engine engine, Class<?>... extra) {
        List<Class<?>> entities = new ArrayList<>(
                List.of(Customer.class, Address.class, Order.class, Item.class, Post.class, Tag.class, Node.class));
        entities.addAll(List.of(extra));
        SessionFactory f = SessionFactory.builder(engine)
                .entities(entities.toArray(Class<?>[]::new))
                .build();
        f.metadata().createAll(engine).block(Duration.ofSeconds(60));
        return f;
    }
}
