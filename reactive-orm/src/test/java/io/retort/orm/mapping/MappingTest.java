package io.retort.orm.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.Engine;
import io.retort.orm.MappingException;
import io.retort.orm.SessionFactory;
import io.retort.orm.internal.AttributeModel;
import io.retort.orm.internal.EntityModel;
import io.retort.orm.model.Ticket;
import io.retort.orm.model.Ticket_;
import io.retort.orm.model.User;
import io.retort.orm.model.User_;
import io.retort.schema.Table;
import io.retort.types.TypeKind;
import io.retort.types.Types;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading annotated classes into entity models and tables; errors that name class and field. */
class MappingTest {
    private static final Engine ENGINE = Engine.create("r2dbc:h2:mem:///mapping_test");

    private static SessionFactory factory(Class<?>... entities) {
        return SessionFactory.builder(ENGINE).entities(entities).build();
    }

    @Test
    void annotatedAndUnannotatedFieldsMapToColumns() {
        SessionFactory f = factory(User.class, Ticket.class);
        Table users = f.metadata().table("user_account");
        assertThat(users.columns()).extracting(c -> c.name()).containsExactly("id", "name", "fullname");
        assertThat(users.c("id").isPrimaryKey()).isTrue();
        assertThat(users.c("id").type()).isEqualTo(Types.BIGINT);
        assertThat(users.c("name").type()).isEqualTo(Types.string(30));
        assertThat(users.c("name").isNullable()).isFalse();
        assertThat(users.c("fullname").isNullable()).isTrue();

        Table tickets = f.metadata().table("ticket");
        assertThat(tickets.columns())
                .extracting(c -> c.name())
                .containsExactly("ticket_no", "short_title", "priority", "escalation", "price", "open", "version");
        assertThat(tickets.c("priority").type().kind()).isEqualTo(TypeKind.VARCHAR);
        assertThat(tickets.c("escalation").type()).isEqualTo(Types.INTEGER);
        assertThat(tickets.c("price").type()).isEqualTo(Types.numeric(19, 2));
        assertThat(tickets.c("open").isNullable()).isFalse();
    }

    @Test
    void accessorsReadAndWriteThroughMethodHandles() {
        EntityModel<Ticket> m = factory(Ticket.class).registry().model(Ticket.class);
        Ticket t = m.newInstance(Map.of("ticketNo", 7, "shortTitle", "broken"));
        assertThat(t.shortTitle()).isEqualTo("broken");
        AttributeModel prio = m.attribute("priority");
        prio.set(t, Ticket.Priority.HIGH);
        assertThat(prio.get(t)).isEqualTo(Ticket.Priority.HIGH);
        assertThat(prio.toColumnValue(Ticket.Priority.HIGH)).isEqualTo("HIGH");
        assertThat(m.attribute("escalation").toColumnValue(Ticket.Priority.HIGH))
                .isEqualTo(1);
        assertThat(m.attribute("escalation").fromColumnValue(0)).isEqualTo(Ticket.Priority.LOW);
        assertThat(m.version().name()).isEqualTo("version");
        assertThat(m.ids()).extracting(AttributeModel::name).containsExactly("ticketNo");
        assertThatThrownBy(() -> m.attribute("titel"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Ticket has no attribute 'titel'")
                .hasMessageContaining("shortTitle");
    }

    @Test
    void theMetamodelIsGeneratedAtCompileTime() {
        assertThat(User_.name.entityType()).isEqualTo(User.class);
        assertThat(User_.name.name()).isEqualTo("name");
        assertThat(User_.id.javaType()).isEqualTo(Long.class);
        assertThat(Ticket_.open.javaType()).isEqualTo(Boolean.class);
        assertThat(Ticket_.priority.javaType()).isEqualTo(Ticket.Priority.class);
    }

    @Entity
    static class NoId {
        String name;
    }

    @Entity
    static class Clash {
        @Id
        Long id;

        @io.retort.orm.mapping.Column(name = "id")
        Long other;
    }

    @Entity
    static class BadType {
        @Id
        Long id;

        Map<String, String> attributes;
    }

    @Entity
    static class BadGenerated {
        @Id
        @GeneratedValue
        UUID id;
    }

    @Entity
    static class FinalField {
        @Id
        Long id;

        final String name = "x";
    }

    @Entity
    static class NoConstructor {
        @Id
        Long id;

        NoConstructor(Long id) {
            this.id = id;
        }
    }

    static class NotAnEntity {}

    @Test
    void badMappingsFailEarlyNamingClassAndField() {
        assertThatThrownBy(() -> factory(NoId.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("NoId has no @Id field");
        assertThatThrownBy(() -> factory(Clash.class))
                .hasMessageContaining("fields 'id' and 'other' both map to column 'id'");
        assertThatThrownBy(() -> factory(BadType.class))
                .hasMessageContaining("Field BadType.attributes has type java.util.Map")
                .hasMessageContaining("@Transient");
        assertThatThrownBy(() -> factory(BadGenerated.class))
                .hasMessageContaining("BadGenerated.id of type UUID cannot take @GeneratedValue(IDENTITY)");
        assertThatThrownBy(() -> factory(FinalField.class)).hasMessageContaining("Field FinalField.name is final");
        assertThatThrownBy(() -> factory(NoConstructor.class))
                .hasMessageContaining(
                        "needs a no-arg constructor (any visibility) or a constructor annotated @Hydrate");
        assertThatThrownBy(() -> factory(NotAnEntity.class)).hasMessageContaining("is not annotated @Entity");
        assertThatThrownBy(() -> factory(User.class).registry().model(Ticket.class))
                .hasMessageContaining("Ticket is not a mapped entity of this SessionFactory (mapped: [User])");
    }

    @Test
    void snakeCaseNaming() {
        assertThat(NamingStrategy.snake("fullName")).isEqualTo("full_name");
        assertThat(NamingStrategy.snake("UserAccount")).isEqualTo("user_account");
        assertThat(NamingStrategy.snake("HTTPServer")).isEqualTo("http_server");
        assertThat(NamingStrategy.snake("already_snake")).isEqualTo("already_snake");
        assertThat(NamingStrategy.snake("id2Name")).isEqualTo("id2_name");
    }
}
