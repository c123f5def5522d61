package io.retort.orm.relationships.model;

import io.retort.orm.Lazy;
import io.retort.orm.LazyList;
import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.JoinColumn;
import io.retort.orm.mapping.ManyToOne;
import io.retort.orm.mapping.OneToMany;

/** An adjacency list. */
@Entity(table = "node")
public class Node {
    @Id
    @GeneratedValue
    public Long id;

    public String label;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    public Lazy<Node> parent = Lazy.empty();

    @OneToMany(mappedBy = "parent")
    public LazyList<Node> children = LazyList.empty();

    protected Node() {}

    public Node(String label) {
        this.label = label;
    }
}
