package io.retort.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import io.retort.bench.Contender.Variant;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one workload's variants: a warm-up of each, then {@code runs} rounds of timed runs, every other round in
 * reverse order; per timed run it records wall time, client CPU, allocation, peak heap and statements per op.
 */
public final class Harness {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Db db;
    private final Data data;
    private final Options options;

    public Harness(Db db, Data data, Options options) {
        this.db = db;
        this.data = data;
        this.options = options;
    }

    /** One timed run: {@code ops} ops back to back, everything divided per op. */
    public record Sample(
            int ops,
            double nanosPerOp,
            double cpuNanosPerOp,
            double statementsPerOp,
            double bindingsPerOp,
            double txControlPerOp,
            double allocBytesPerOp,
            long peakHeapBytes) {}

    /** All timed runs of one variant on one workload. */
    public record Result(Workload workload, Variant variant, List<Sample> samples) {
        private double[] sorted(java.util.function.ToDoubleFunction<Sample> f) {
            double[] v = samples.stream().mapToDouble(f).toArray();
            Arrays.sort(v);
            return v;
        }

        private static double median(double[] v) {
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }

        public double medianNanos() {
            return median(sorted(Sample::nanosPerOp));
        }

        public double minNanos() {
            return sorted(Sample::nanosPerOp)[0];
        }

        public double maxNanos() {
            double[] v = sorted(Sample::nanosPerOp);
            return v[v.length - 1];
        }

        public double medianCpuNanos() {
            return median(sorted(Sample::cpuNanosPerOp));
        }

        public double medianAllocBytes() {
            return median(sorted(Sample::allocBytesPerOp));
        }

        public double maxPeakHeapBytes() {
            double[] v = sorted(s -> s.peakHeapBytes);
            return v[v.length - 1];
        }

        public double statementsPerOp() {
            return median(sorted(Sample::statementsPerOp));
        }

        public double bindingsPerOp() {
            return median(sorted(Sample::bindingsPerOp));
        }

        public double txControlPerOp() {
            return median(sorted(Sample::txControlPerOp));
        }
    }

    public List<Result> run(Workload w, List<Variant> variants) {
        long expected = data.expected(w);
        Map<Variant, Integer> opsPerRun = new LinkedHashMap<>();
        for (Variant v : variants) {
            long deadline = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
            int n = 0;
            long spent = 0;
            do {
                long t = op(w, v, expected, null);
                spent += t;
                n++;
            } while (System.nanoTime() < deadline);
            double perOp = (double) spent / n;
            int ops = (int) Math.max(1, Math.ceil(options.minRunSeconds() * 1e9 / perOp));
            opsPerRun.put(v, ops);
            log(String.format(
                    "  warm-up %-45s %4d ops, %9.1f ms/op -> %d op(s) per timed run", v.label(), n, perOp / 1e6, ops));
        }
        Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
        variants.forEach(v -> samples.put(v, new ArrayList<>()));
        for (int round = 0; round < options.runs(); round++) {
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Variant v : order) {
                samples.get(v).add(timed(w, v, expected, opsPerRun.get(v)));
            }
        }
        List<Result> out = new ArrayList<>();
        for (Variant v : variants) {
            Result r = new Result(w, v, samples.get(v));
            out.add(r);
            log(String.format(
                    "  %-47s median %9.1f ms/op (%.1f-%.1f)",
                    v.label(), r.medianNanos() / 1e6, r.minNanos() / 1e6, r.maxNanos() / 1e6));
        }
        return out;
    }

    private Sample timed(Workload w, Variant v, long expected, int ops) {
        System.gc();
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Counters c = v.contender().counters();
        long s0 = c.statements(), b0 = c.bindings(), x0 = c.transactionControl();
        long a0 = allocatedBytes();
        long[] cpu = {0};
        long wall = 0;
        for (int i = 0; i < ops; i++) {
            wall += op(w, v, expected, cpu);
        }
        long alloc = allocatedBytes() - a0;
        long peak = 0;
        for (MemoryPoolMXBean p : heap) {
            peak += p.getPeakUsage().getUsed();
        }
        return new Sample(
                ops,
                (double) wall / ops,
                (double) cpu[0] / ops,
                (double) (c.statements() - s0) / ops,
                (double) (c.bindings() - b0) / ops,
                (double) (c.transactionControl() - x0) / ops,
                (double) alloc / ops,
                peak);
    }

    /** One op, reset first (untimed); returns its wall time and adds its client CPU time to {@code cpu}. */
    private long op(Workload w, Variant v, long expected, long[] cpu) {
        db.beforeOp(w);
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        Long result = v.op().get().block(Duration.ofMinutes(10));
        long t = System.nanoTime() - t0;
        if (cpu != null) {
            cpu[0] += OS.getProcessCpuTime() - c0;
        }
        if (result == null || result != expected) {
            throw new IllegalStateException(v.label() + " on " + w + " returned " + result + ", expected " + expected
                    + " (a broken contender)");
        }
        long rows = db.afterOp(w);
        if (rows >= 0 && rows != expected) {
            throw new IllegalStateException(
                    v.label() + " on " + w + " left " + rows + " rows, expected " + expected + " (a broken contender)");
        }
        return t;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> out = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Bytes allocated so far by all live threads (threads that ended in between are missed: a lower bound). */
    private static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(ids)) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }

    public static double systemLoad() {
        return OS.getSystemLoadAverage();
    }

    static void log(String s) {
        System.err.println(s);
    }
}
