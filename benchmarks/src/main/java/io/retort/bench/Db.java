package io.retort.bench;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates and resets the benchmark's tables, over its own uncounted connection (never one of the contenders'
 * pools). Blocking: this is the harness's main thread, not library code.
 */
public final class Db implements AutoCloseable {
    private final Connection admin;

    public Db(DriverOptions driver) {
        ensureDatabase(driver);
        ConnectionFactory f = driver.connectionFactory();
        this.admin = Mono.from(f.create()).block();
    }

    /** Creates the benchmark's database (through the server's {@code postgres} database) when it is missing. */
    private static void ensureDatabase(DriverOptions driver) {
        DriverOptions maintenance =
                new DriverOptions("admin", driver.host(), driver.port(), "postgres", driver.user(), -1, false, 0);
        Connection c = Mono.from(maintenance.connectionFactory().create()).block();
        try {
            Long n = Flux.from(c.createStatement("SELECT count(*) FROM pg_database WHERE datname = $1")
                            .bind(0, driver.database())
                            .execute())
                    .concatMap(r -> r.map((row, m) -> row.get(0, Long.class)))
                    .blockLast();
            if (n == null || n == 0) {
                Harness.log("creating database " + driver.database());
                // a database name cannot be a bind parameter; it is the --database option, quoted as an identifier
                Flux.from(c.createStatement(
                                        "CREATE DATABASE \"" + driver.database().replace("\"", "\"\"") + "\"")
                                .execute())
                        .concatMap(r -> r.getRowsUpdated())
                        .blockLast();
            }
        } finally {
            Mono.from(c.close()).block();
        }
    }

    public void run(String... sql) {
        for (String s : sql) {
            Flux.from(admin.createStatement(s).execute())
                    .concatMap(r -> r.getRowsUpdated())
                    .blockLast();
        }
    }

    public void createSchema(Data d) {
        String item = "(id integer PRIMARY KEY, name varchar(64) NOT NULL, price numeric(10,2) NOT NULL,"
                + " created timestamp NOT NULL)";
        String fill = " SELECT g, 'item ' || g, ((g % 10000) / 100.0) + 1, timestamp '2024-01-01' + g * interval '1"
                + " second' FROM generate_series(1, ";
        run(
                "DROP TABLE IF EXISTS bench_item, bench_big, bench_new, bench_book, bench_author CASCADE",
                "CREATE TABLE bench_item " + item,
                "CREATE TABLE bench_big " + item,
                "CREATE TABLE bench_new " + item,
                "CREATE TABLE bench_author (id integer PRIMARY KEY, name varchar(64) NOT NULL)",
                "CREATE TABLE bench_book (id integer PRIMARY KEY,"
                        + " author_id integer NOT NULL REFERENCES bench_author (id), title varchar(100) NOT NULL,"
                        + " price numeric(10,2) NOT NULL)",
                "CREATE INDEX bench_book_author ON bench_book (author_id)",
                "INSERT INTO bench_item" + fill + d.itemRows + ") g",
                "INSERT INTO bench_big" + fill + d.bigRows + ") g",
                "INSERT INTO bench_author SELECT g, 'author ' || g FROM generate_series(1, " + d.authors + ") g",
                "INSERT INTO bench_book SELECT g, ((g - 1) / " + d.booksPerAuthor + ") + 1, 'book ' || g,"
                        + " (g % 5000) / 100.0 + 1 FROM generate_series(1, " + (d.authors * d.booksPerAuthor)
                        + ") g",
                "VACUUM ANALYZE bench_item",
                "VACUUM ANALYZE bench_big",
                "VACUUM ANALYZE bench_author",
                "VACUUM ANALYZE bench_book");
    }

    /** Untimed, before every op of a workload. */
    public void beforeOp(Workload w) {
        if (w == Workload.W3) {
            run("TRUNCATE bench_new");
        }
    }

    /**
     * Untimed, after every op: W3's rows must all be in {@code bench_new} (a contender's checksum alone could count
     * objects it handed over rather than rows written). Returns the row count, or -1 when nothing is checked.
     */
    public long afterOp(Workload w) {
        if (w != Workload.W3) {
            return -1;
        }
        return Flux.from(admin.createStatement("SELECT count(*) FROM bench_new").execute())
                .concatMap(r -> r.map((row, m) -> row.get(0, Long.class)))
                .blockLast();
    }

    /** Row counts, printed once so a reader can see the data is what the table says. */
    public List<Long> counts() {
        return Flux.just("bench_item", "bench_big", "bench_author", "bench_book")
                .concatMap(t -> Flux.from(admin.createStatement("SELECT count(*) FROM " + t)
                                .execute())
                        .concatMap(r -> r.map((row, m) -> row.get(0, Long.class))))
                .collectList()
                .block();
    }

    @Override
    public void close() {
        Mono.from(admin.close()).block();
    }
}
