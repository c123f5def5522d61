package io.retort.bench;

/** The workloads of issue 9 that run against a database (W6 is the JMH benchmark in {@code io.retort.bench.jmh}). */
public enum Workload {
    W1("W1 short selects", "lookup", "20,000 lookups by random primary key of a 10,000-row table, 16 in flight", 1.15),
    W2(
            "W2 large result",
            "row",
            "200,000 rows (id, name, price numeric, created timestamp) streamed into objects",
            1.15),
    W3("W3 bulk insert", "row", "20,000 new objects in one transaction; ratio vs raw multi-row VALUES", 1.2),
    W4(
            "W4 updates",
            "tx",
            "1,000 transactions, each reads 20 random rows by id, changes them, commits; 16 in flight",
            0.80),
    W5("W5 object graph", "author", "1,000 authors x 10 books, each library's best eager strategy", 1.25);

    private final String title;
    private final String unit;
    private final String description;
    private final double target;

    Workload(String title, String unit, String description, double target) {
        this.title = title;
        this.unit = unit;
        this.description = description;
        this.target = target;
    }

    public String title() {
        return title;
    }

    /** What one "op" of ops/s and CPU/op is for this workload. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Issue 9's target for Retort's time divided by raw R2DBC's (written for the ORM; printed beside Core too). */
    public double target() {
        return target;
    }
}
