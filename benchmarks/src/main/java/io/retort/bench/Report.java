package io.retort.bench;

import io.retort.bench.Harness.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the results as markdown tables, one per workload, with the notes that say how each row did it. */
final class Report {
    private Report() {}

    static String render(Options o, Data d, List<Result> results, double loadBefore, double loadAfter, double secs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Retort benchmarks")
                .append(o.sweep() ? ": r2dbc-postgresql option sweep" : "")
                .append("\n\n");
        sb.append("JVM: ").append(Main.jvm()).append("\n\n");
        sb.append(String.format(
                "Run: warm-up %.1f s per variant per workload, %d timed runs (%s), each >= %.1f s;"
                        + " scale %.2f; pool %d per contender; driver: %s; load average %.2f before, %.2f after;"
                        + " %.0f s in all.%n%n",
                o.warmupSeconds(),
                o.runs(),
                o.fork()
                        ? "each contender in a JVM of its own per workload (--fork), their order reversed every other"
                                + " workload"
                        : "one JVM, contenders in alternating order",
                o.minRunSeconds(),
                o.scale(),
                o.poolSize(),
                o.driver().describe(),
                loadBefore,
                loadAfter,
                secs));
        sb.append("Times are per op (one whole workload, e.g. all 20,000 lookups of W1); ops/s, CPU and alloc are per")
                .append(" unit (lookup, row, transaction, author). x raw = median / the raw R2DBC reference row's")
                .append(" median (lower is better). Targets are issue 9's, written for the Retort ORM.\n\n");
        Map<Workload, List<Result>> byWorkload = new LinkedHashMap<>();
        for (Result r : results) {
            byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Workload, List<Result>> e : byWorkload.entrySet()) {
            Workload w = e.getKey();
            List<Result> rs = e.getValue();
            Result base =
                    rs.stream().filter(r -> r.variant().baseline()).findFirst().orElse(rs.get(0));
            long units = d.units(w);
            sb.append("## ")
                    .append(w.title())
                    .append("\n\n")
                    .append(w.description())
                    .append(".\n\n");
            sb.append("| contender | median ms/op | min-max ms | ")
                    .append(w.unit())
                    .append("s/s | x raw | target |")
                    .append(" CPU us/")
                    .append(w.unit())
                    .append(" | alloc KB/")
                    .append(w.unit())
                    .append(" | peak heap MB | stmts/op | param sets/op | tx ctl/op |\n");
            sb.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
            for (Result r : rs) {
                double ratio = r.medianNanos() / base.medianNanos();
                boolean retort = r.variant().label().startsWith("Retort");
                String target = retort && !o.sweep()
                        ? String.format("<= %.2f %s", w.target(), ratio <= w.target() ? "met" : "missed")
                        : "";
                sb.append(String.format(
                        "| %s%s | %.1f | %.1f-%.1f | %,.0f | %.2f | %s | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f |%n",
                        r.variant().label(),
                        r == base ? " (reference)" : "",
                        r.medianNanos() / 1e6,
                        r.minNanos() / 1e6,
                        r.maxNanos() / 1e6,
                        units / (r.medianNanos() / 1e9),
                        ratio,
                        target,
                        r.medianCpuNanos() / 1e3 / units,
                        r.medianAllocBytes() / 1024 / units,
                        r.maxPeakHeapBytes() / (1024 * 1024),
                        r.statementsPerOp(),
                        r.bindingsPerOp(),
                        r.txControlPerOp()));
            }
            sb.append("\n");
            for (Result r : rs) {
                sb.append("- ")
                        .append(r.variant().label())
                        .append(": ")
                        .append(r.variant().note())
                        .append("\n");
            }
            sb.append("\n");
        }
        if (o.sweep()) {
            sb.append("## Fastest option set per workload\n\n");
            for (Map.Entry<Workload, List<Result>> e : byWorkload.entrySet()) {
                for (String who : List.of("raw R2DBC", "Retort Core")) {
                    e.getValue().stream()
                            .filter(r -> r.variant().label().startsWith(who))
                            .min((a, b) -> Double.compare(a.medianNanos(), b.medianNanos()))
                            .ifPresent(r -> sb.append("- ")
                                    .append(e.getKey())
                                    .append(" ")
                                    .append(who)
                                    .append(": ")
                                    .append(r.variant().label())
                                    .append(String.format(" (%.1f ms/op)%n", r.medianNanos() / 1e6)));
                }
            }
            sb.append("\n");
        }
        return sb.toString();
    }
}
