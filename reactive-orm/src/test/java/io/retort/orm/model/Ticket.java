package io.retort.orm.model;

import io.retort.orm.mapping.Entity;
import io.retort.orm.mapping.EnumType;
import io.retort.orm.mapping.Enumerated;
import io.retort.orm.mapping.Hydrate;
import io.retort.orm.mapping.Id;
import io.retort.orm.mapping.Version;
import java.math.BigDecimal;

@Entity
public class Ticket {
    public enum Priority {
        LOW,
        HIGH
    }

    @Id
    Integer ticketNo;

    String shortTitle;

    Priority priority;

    @Enumerated(EnumType.ORDINAL)
    Priority escalation;

    BigDecimal price;

    boolean open;

    @Version
    long version;

    @Hydrate
    Ticket(Integer ticketNo, String shortTitle) {
        this.ticketNo = ticketNo;
        this.shortTitle = shortTitle;
    }

    public String shortTitle() {
        return shortTitle;
    }
}
