package io.retort.bench;

import io.retort.bench.Contender.Variant;
import io.retort.bench.Harness.Result;
import io.retort.bench.contenders.JooqR2dbc;
import io.retort.bench.contenders.RawR2dbc;
import io.retort.bench.contenders.RetortCore;
import io.retort.bench.contenders.RetortOrm;
import io.retort.bench.contenders.SpringDataR2dbc;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;

/**
 * Runs the workloads of issue 9 against every contender and prints one table (markdown). See docs/performance.md.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(Options.HELP);
            return;
        }
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Locale.setDefault(Locale.ROOT);
        Options o = Options.parse(args);
        Data data = new Data(o.scale());
        double loadBefore = Harness.systemLoad();
        long start = System.nanoTime();
        if (o.fork() && !o.child()) {
            List<Result> results;
            try (Db db = new Db(o.driver())) {
                Harness.log("creating tables in " + o.driver().database() + " (scale " + o.scale() + ")");
                db.createSchema(data);
                Harness.log("rows: bench_item, bench_big, bench_author, bench_book = " + db.counts());
            }
            List<String> passThrough = new ArrayList<>();
            for (String a : args) {
                if (!a.equals("--fork")
                        && !a.startsWith("--markdown")
                        && !a.startsWith("--workloads")
                        && !a.startsWith("--contenders")) {
                    passThrough.add(a);
                }
            }
            results = Forks.run(o, passThrough);
            finish(o, data, results, loadBefore, start);
            return;
        }
        List<Contender> contenders = o.sweep() ? sweepContenders(o) : contenders(o);
        List<Result> results = new ArrayList<>();
        try (Db db = new Db(o.driver())) {
            if (!o.child()) { // a fork's parent made the tables
                Harness.log("creating tables in " + o.driver().database() + " (scale " + o.scale() + ")");
                db.createSchema(data);
                Harness.log("rows: bench_item, bench_big, bench_author, bench_book = " + db.counts());
            }
            Harness harness = new Harness(db, data, o);
            for (Workload w : o.workloads()) {
                List<Variant> variants = new ArrayList<>();
                for (Contender c : contenders) {
                    for (Variant v : c.variants(w, data)) {
                        if (o.only() == null || v.label().contains(o.only()) || v.baseline()) {
                            variants.add(v);
                        }
                    }
                }
                Harness.log(w.title() + ": " + w.description());
                results.addAll(harness.run(w, variants));
            }
        } finally {
            Flux.fromIterable(contenders).concatMap(Contender::close).blockLast();
        }
        if (o.child()) {
            Forks.print(results);
            System.exit(0);
        }
        finish(o, data, results, loadBefore, start);
    }

    private static void finish(Options o, Data data, List<Result> results, double loadBefore, long start) {
        String report =
                Report.render(o, data, results, loadBefore, Harness.systemLoad(), (System.nanoTime() - start) / 1e9);
        System.out.println(report);
        if (o.markdownOut() != null) {
            try {
                Files.writeString(Path.of(o.markdownOut()), report);
            } catch (IOException e) {
                Harness.log("could not write " + o.markdownOut() + ": " + e);
            }
        }
        System.exit(0);
    }

    private static List<Contender> contenders(Options o) {
        List<Contender> out = new ArrayList<>();
        for (String name : o.contenders()) {
            out.add(
                    switch (name) {
                        case "raw" -> new RawR2dbc("raw R2DBC", o.driver(), o.poolSize(), true);
                        case "retort" -> new RetortCore("Retort Core", o.driver(), o.poolSize());
                        case "orm" -> new RetortOrm("Retort ORM", o.driver(), o.poolSize());
                        case "spring" -> new SpringDataR2dbc(o.driver(), o.poolSize());
                        case "jooq" -> new JooqR2dbc(o.driver(), o.poolSize());
                        case "hibernate" -> Isolated.hibernate(o);
                        default ->
                            throw new IllegalArgumentException(
                                    "Unknown contender '" + name + "' (raw, retort, orm, spring, jooq, hibernate)");
                    });
        }
        return out;
    }

    /**
     * The option sweep of run 2 ({@code --sweep}): raw R2DBC and Retort Core on the default driver options and
     * three changes of it (prepared-statement cache off, binary transfer, fetch size).
     */
    static List<DriverOptions> sweepOptions(DriverOptions base) {
        return List.of(
                base.withLabel("default"),
                base.withPreparedStatementCache(0).withLabel("no stmt cache"),
                base.withForceBinary(true).withLabel("forceBinary"),
                base.withFetchSize(1000).withLabel("fetchSize 1000"));
    }

    /**
     * The candidates for Retort's defaults ({@code --sweep=defaults}): the driver's defaults, binary transfer, and
     * binary transfer with a bounded prepared-statement cache (256 per connection instead of unbounded).
     */
    static List<DriverOptions> defaultsOptions(DriverOptions base) {
        return List.of(
                base.withLabel("default"),
                base.withForceBinary(true).withLabel("forceBinary"),
                base.withForceBinary(true).withPreparedStatementCache(256).withLabel("forceBinary, cache 256"));
    }

    private static List<Contender> sweepContenders(Options o) {
        List<Contender> out = new ArrayList<>();
        if (o.sweepDefaults()) {
            for (DriverOptions d : defaultsOptions(o.driver())) {
                out.add(new RawR2dbc("raw R2DBC [" + d.label() + "]", d, o.poolSize(), false));
            }
            for (DriverOptions d : defaultsOptions(o.driver())) {
                out.add(new RetortOrm("Retort ORM [" + d.label() + "]", d, o.poolSize()));
            }
            return out;
        }
        for (DriverOptions d : sweepOptions(o.driver())) {
            out.add(new RawR2dbc("raw R2DBC [" + d.label() + "]", d, o.poolSize(), false));
        }
        for (DriverOptions d : sweepOptions(o.driver())) {
            out.add(new RetortCore("Retort Core [" + d.label() + "]", d, o.poolSize()));
        }
        return out;
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
                + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + Instant.now();
    }
}
