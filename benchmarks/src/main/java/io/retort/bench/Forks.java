package io.retort.bench;

import io.retort.bench.Contender.Variant;
import io.retort.bench.Harness.Result;
import io.retort.bench.Harness.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --fork}: every contender runs every workload in a JVM of its own (as JMH forks), so the JIT's profile of
 * one library's call sites (Reactor operators above all) does not slow another's: in one JVM, code that many
 * libraries share becomes megamorphic after the first few contenders have run. The parent creates the tables once;
 * each child warms up and times one contender on one workload and prints its samples on stdout, one line each
 * ({@code SAMPLE <base64 label> <baseline> <base64 note> <numbers>}); the contenders' order is reversed from one
 * workload to the next.
 */
final class Forks {
    private static final String PREFIX = "SAMPLE ";

    private Forks() {}

    /** The child side: prints the results of one harness run in the line format the parent reads. */
    static void print(List<Result> results) {
        for (Result r : results) {
            for (Sample s : r.samples()) {
                System.out.println(PREFIX + b64(r.variant().label()) + " "
                        + r.variant().baseline() + " "
                        + b64(r.variant().note()) + " " + s.ops() + " " + s.nanosPerOp() + " " + s.cpuNanosPerOp()
                        + " " + s.statementsPerOp() + " " + s.bindingsPerOp() + " " + s.txControlPerOp() + " "
                        + s.allocBytesPerOp() + " " + s.peakHeapBytes());
            }
        }
    }

    /** The parent side: every workload, every contender in a child JVM with the same JVM options. */
    static List<Result> run(Options o, List<String> passThrough) throws IOException, InterruptedException {
        List<Result> out = new ArrayList<>();
        int round = 0;
        for (Workload w : o.workloads()) {
            List<String> order = new ArrayList<>(o.contenders());
            if (round++ % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            Map<String, List<Result>> byContender = new LinkedHashMap<>();
            for (String contender : order) {
                byContender.put(contender, child(w, contender, passThrough));
            }
            for (String contender : o.contenders()) { // reported in the usual order, whatever order they ran in
                out.addAll(byContender.get(contender));
            }
        }
        return out;
    }

    private static List<Result> child(Workload w, String contender, List<String> passThrough)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger or profiler agent of the parent is not repeated in every child (ports, output files)
            if (!a.startsWith("-agentlib") && !a.startsWith("-agentpath") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(passThrough);
        cmd.add("--child");
        cmd.add("--workloads=" + w.name());
        cmd.add("--contenders=" + contender);
        Harness.log("fork: " + contender + " on " + w.name());
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, Variant> variants = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith(PREFIX)) {
                    continue;
                }
                String[] f = line.substring(PREFIX.length()).split(" ");
                String label = unb64(f[0]);
                variants.computeIfAbsent(
                        label, l -> new Variant(null, l, Boolean.parseBoolean(f[1]), unb64(f[2]), null));
                samples.computeIfAbsent(label, l -> new ArrayList<>())
                        .add(new Sample(
                                Integer.parseInt(f[3]),
                                Double.parseDouble(f[4]),
                                Double.parseDouble(f[5]),
                                Double.parseDouble(f[6]),
                                Double.parseDouble(f[7]),
                                Double.parseDouble(f[8]),
                                Double.parseDouble(f[9]),
                                Long.parseLong(f[10])));
            }
        }
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the fork for " + contender + " on " + w + " failed (exit " + exit + ")");
        }
        List<Result> out = new ArrayList<>();
        variants.forEach((label, v) -> out.add(new Result(w, v, samples.get(label))));
        return out;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
