package io.retort.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Command-line options of {@link Main}; {@code --help} prints them. */
public record Options(
        double warmupSeconds,
        int runs,
        double minRunSeconds,
        double scale,
        int poolSize,
        Set<Workload> workloads,
        List<String> contenders,
        boolean sweep,
        boolean sweepDefaults,
        DriverOptions driver,
        String markdownOut,
        String hibernateDir,
        String only,
        boolean fork,
        boolean child) {

    static final String HELP =
            """
            Retort benchmarks (issue 9). Options (defaults in brackets):
              --warmup=S        seconds of warm-up per variant per workload [15, issue 9's value; use 1-2 for smoke runs]
              --runs=N          timed runs per variant, in alternating order [6]
              --min-run=S       a timed run repeats the workload's op until it lasts at least S seconds [1.0]
              --workloads=LIST  W1,W2,W3,W4,W5 [all]
              --contenders=LIST raw,retort,orm,spring,jooq,hibernate [all]
                                (hibernate: Hibernate Reactive 3.4 on Vert.x, loaded from the benchmarks-hibernate-reactive
                                module in a class loader of its own; build it with the command in docs/performance.md)
              --scale=F         data and op sizes relative to issue 9's (1.0); e.g. 0.05 for a smoke run [1.0]
              --pool=N          pool size of every contender [8]
              --host=H --port=P --database=D --user=U   [127.0.0.1 5432 retort_bench postgres]
              --prepared-cache=N --force-binary=B --fetch-size=N   r2dbc-postgresql options [-1 false 0]
              --sweep=defaults  instead: raw R2DBC and Retort ORM on the driver's defaults, forceBinary, and
                                forceBinary with a prepared-statement cache of 256 (the candidates for Retort's defaults)
              --sweep           instead: raw R2DBC and Retort Core under several r2dbc-postgresql option sets
                                (prepared-statement cache off, binary transfer, fetch size) [W1,W2,W3]
              --markdown=FILE   also write the table to FILE
              --only=TEXT       run only the variants whose label contains TEXT (for profiling one way)
              --fork            every contender runs every workload in a JVM of its own (JIT profiles not shared)
              --hibernate-dir=D the hibernate contender's target directory (its jar and lib/)
                                [benchmarks/hibernate-reactive/target beside the running benchmarks.jar]
              --jmh [ARGS]      run the JMH benchmarks (W6) with JMH's own arguments instead
            """;

    static Options parse(String[] args) {
        double warmup = 15, minRun = 1.0, scale = 1.0;
        int runs = 6, pool = 8, port = 5432, cache = -1, fetch = 0;
        boolean binary = false, sweep = false, sweepDefaults = false;
        String host = "127.0.0.1", db = "retort_bench", user = "postgres", md = null, hibernateDir = null, only = null;
        boolean fork = false, child = false;
        Set<Workload> workloads = null;
        List<String> contenders = List.of("raw", "retort", "orm", "spring", "jooq", "hibernate");
        for (String a : args) {
            String k = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            switch (k) {
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--runs" -> runs = Integer.parseInt(v);
                case "--min-run" -> minRun = Double.parseDouble(v);
                case "--scale" -> scale = Double.parseDouble(v);
                case "--pool" -> pool = Integer.parseInt(v);
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--database" -> db = v;
                case "--user" -> user = v;
                case "--prepared-cache" -> cache = Integer.parseInt(v);
                case "--force-binary" -> binary = Boolean.parseBoolean(v);
                case "--fetch-size" -> fetch = Integer.parseInt(v);
                case "--sweep" -> {
                    sweep = true;
                    sweepDefaults = v.equals("defaults");
                }
                case "--markdown" -> md = v;
                case "--hibernate-dir" -> hibernateDir = v;
                case "--only" -> only = v;
                case "--fork" -> fork = true;
                case "--child" -> child = true;
                case "--workloads" -> {
                    workloads = EnumSet.noneOf(Workload.class);
                    for (String w : v.split(",")) {
                        workloads.add(Workload.valueOf(w.trim().toUpperCase()));
                    }
                }
                case "--contenders" -> {
                    List<String> c = new ArrayList<>();
                    for (String s : v.split(",")) {
                        c.add(s.trim().toLowerCase());
                    }
                    contenders = c;
                }
                default -> throw new IllegalArgumentException("Unknown option '" + a + "'\n" + HELP);
            }
        }
        if (workloads == null) {
            workloads = sweep ? EnumSet.of(Workload.W1, Workload.W2, Workload.W3) : EnumSet.allOf(Workload.class);
        }
        DriverOptions driver = new DriverOptions("default", host, port, db, user, cache, binary, fetch);
        return new Options(
                warmup,
                runs,
                minRun,
                scale,
                pool,
                workloads,
                contenders,
                sweep,
                sweepDefaults,
                driver,
                md,
                hibernateDir,
                only,
                fork,
                child);
    }
}
