package io.retort.bench;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a contender that cannot share the benchmark's class path (Hibernate Reactive: Vert.x 4.5 and another Netty
 * than r2dbc-postgresql's) from its own module's jar and {@code lib/}, in a class loader of its own. That loader
 * takes the JDK from the platform class loader, only the harness types ({@code io.retort.bench.*} outside the
 * contender's package), Reactor, Reactive Streams and SLF4J from the benchmark's, and everything else from its own
 * jars.
 */
public final class Isolated {
    private Isolated() {}

    /** The one build command of both benchmark modules (docs/performance.md). */
    static final String BUILD =
            "mvn -B -q -Pbenchmarks -pl benchmarks,benchmarks/hibernate-reactive -am package -DskipTests";

    /** The Hibernate Reactive contender, from {@code benchmarks/hibernate-reactive/target} or {@code dir}. */
    static Contender hibernate(Options o) {
        Path dir = o.hibernateDir() != null
                ? Path.of(o.hibernateDir())
                : benchmarksDir().resolve("hibernate-reactive").resolve("target");
        return load(
                dir,
                "benchmarks-hibernate-reactive.jar",
                "io.retort.bench.hr.HibernateReactive",
                "Hibernate Reactive 3.4",
                o.driver(),
                o.poolSize());
    }

    /** {@code benchmarks/}, the directory of the {@code target/} that holds the running benchmarks.jar. */
    private static Path benchmarksDir() {
        try {
            Path jar = Path.of(Isolated.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // benchmarks/target/benchmarks.jar, or benchmarks/target/classes when run from an IDE
            return jar.toAbsolutePath().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Contender load(
            Path dir, String jarName, String className, String label, DriverOptions driver, int poolSize) {
        Path jar = dir.resolve(jarName);
        Path lib = dir.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("'" + label + "' needs " + jar + " and " + lib + ", which are missing:"
                    + " build them with\n  " + BUILD + "\n(or point --hibernate-dir= at the module's target"
                    + " directory, or leave the contender out with --contenders=...)");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            urls.add(jar.toUri().toURL());
            for (Path p :
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + lib, e);
        }
        String ownPackage = className.substring(0, className.lastIndexOf('.') + 1);
        ClassLoader loader =
                new ChildFirst(label, urls.toArray(URL[]::new), Isolated.class.getClassLoader(), ownPackage);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        // Hibernate and Vert.x look up their services (the Vert.x PG driver, Hibernate's integrators) through the
        // context class loader while the session factory is built
        t.setContextClassLoader(loader);
        try {
            return (Contender) Class.forName(className, true, loader)
                    .getConstructor(String.class, DriverOptions.class, int.class)
                    .newInstance(label, driver, poolSize);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot create " + className + ": " + cause, cause);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /**
     * The platform class loader first (the JDK), then the shared packages from the benchmark's class loader, then
     * this loader's own jars: nothing else of the benchmark's class path (its Netty, Spring, ...) is visible.
     */
    private static final class ChildFirst extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private static final List<String> SHARED =
                List.of("io.retort.bench.", "reactor.", "org.reactivestreams.", "org.slf4j.");

        private final ClassLoader shared;
        private final String ownPackage;

        ChildFirst(String name, URL[] urls, ClassLoader shared, String ownPackage) {
            super(name, urls, ClassLoader.getPlatformClassLoader());
            this.shared = shared;
            this.ownPackage = ownPackage;
        }

        private boolean isShared(String className) {
            if (className.startsWith(ownPackage)) {
                return false;
            }
            for (String p : SHARED) {
                if (className.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (isShared(className)) {
                return shared.loadClass(className);
            }
            return super.loadClass(className, resolve);
        }

        @Override
        public URL getResource(String resource) {
            String asClass = resource.replace('/', '.');
            return isShared(asClass) ? shared.getResource(resource) : super.getResource(resource);
        }
    }
}
