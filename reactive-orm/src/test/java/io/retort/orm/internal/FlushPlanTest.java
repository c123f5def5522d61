package io.retort.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.retort.orm.ObjectState;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.NamingStrategy;
import io.retort.orm.mapping.References;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flush planning without a database: order of tables and rows, grouping by shape. */
class FlushPlanTest {

    @Entity
    static class Child {
        @Id
        Long id;

        @References("parent.id")
        Long parentId;

        String name;

        Child() {}

        Child(Long id, Long parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }

    @Entity
    static class Parent {
        @Id
        Long id;

        String name;
        String note;

        Parent() {}

        Parent(Long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    static class Node {
        @Id
        Long id;

        @References("node.id")
        Long parentId;

        Node() {}

        Node(Long id, Long parentId) {
            this.id = id;
            this.parentId = parentId;
        }
    }

    private final MapperRegistry registry =
            new MapperRegistry(List.of(Child.class, Parent.class, Node.class), NamingStrategy.SNAKE_CASE);

    private InstanceState state(Object o, ObjectState s) {
        InstanceState st = new InstanceState(o, registry.model(o.getClass()), s);
        if (s == ObjectState.PERSISTENT || s == ObjectState.DELETED) {
            st.takeSnapshot();
        }
        return st;
    }

    @Test
    void parentsAreInsertedBeforeChildrenAndDeletedAfter() {
        InstanceState c = state(new Child(1L, 1L), ObjectState.PENDING);
        InstanceState p = state(new Parent(1L, "p"), ObjectState.PENDING);
        InstanceState dc = state(new Child(2L, 2L), ObjectState.DELETED);
        InstanceState dp = state(new Parent(2L, "q"), ObjectState.DELETED);
        FlushPlan plan = FlushPlan.plan(registry.models(), List.of(c, p), List.of(), List.of(dp, dc));
        assertThat(plan.inserts())
                .extracting(g -> (Object) g.model().type())
                .containsExactly(Parent.class, Child.class);
        assertThat(plan.deletes())
                .extracting(g -> (Object) g.model().type())
                .containsExactly(Child.class, Parent.class);
    }

    @Test
    void selfReferencingRowsAreOrderedByTheirParentLink() {
        InstanceState leaf = state(new Node(3L, 2L), ObjectState.PENDING);
        InstanceState mid = state(new Node(2L, 1L), ObjectState.PENDING);
        InstanceState root = state(new Node(1L, null), ObjectState.PENDING);
        FlushPlan plan = FlushPlan.plan(registry.models(), List.of(leaf, mid, root), List.of(), List.of(leaf));
        assertThat(plan.inserts().get(0).rows()).containsExactly(root, mid, leaf);
    }

    @Test
    void updatesAreGroupedByTheAttributesTheyChangeAndUnchangedObjectsAreSkipped() {
        Parent a = new Parent(1L, "a");
        Parent b = new Parent(2L, "b");
        Parent c = new Parent(3L, "c");
        Parent untouched = new Parent(4L, "d");
        InstanceState sa = state(a, ObjectState.PERSISTENT);
        InstanceState sb = state(b, ObjectState.PERSISTENT);
        InstanceState sc = state(c, ObjectState.PERSISTENT);
        InstanceState sd = state(untouched, ObjectState.PERSISTENT);
        a.name = "A";
        b.name = "B";
        c.note = "changed";
        FlushPlan plan = FlushPlan.plan(registry.models(), List.of(), List.of(sa, sb, sc, sd), List.of());
        assertThat(plan.updates()).hasSize(2);
        assertThat(plan.updates().get(0).rows()).containsExactly(sa, sb);
        assertThat(plan.updates().get(1).rows()).containsExactly(sc);
        EntityModel<?> m = registry.model(Parent.class);
        assertThat(m.attributes().get(plan.updates().get(0).attributes()[0]).name())
                .isEqualTo("name");

        FlushPlan none = FlushPlan.plan(registry.models(), List.of(), List.of(sd), List.of());
        assertThat(none.isEmpty()).isTrue();
    }
}
