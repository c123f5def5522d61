package io.retort.orm.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.GeneratedValue;
import io.retort.orm.mapping.GenerationType;
import io.retort.orm.mapping.Id;

/** A client-generated UUID id (stored as a string so every backend holds it the same way). */
@Entity(table = "note")
public class Note {
    public enum Kind {
        TODO,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public String id;

    public String body;

    public Kind kind;

    protected Note() {}

    public Note(String body, Kind kind) {
        this.body = body;
        this.kind = kind;
    }
}
