package io.retort.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A plain class-path scan that enforces the one-way module dependencies ({@code orm → core ← dialects}): it
 * reads the compiled classes of the module that holds a given class and reports every class whose constant
 * pool names a forbidden package.
 *
 * <pre>{@code
 * assertThat(DependencyRules.violations(Engine.class, "io/retort/orm/", "org/postgresql/")).isEmpty();
 * }</pre>
 */
public final class DependencyRules {
    private DependencyRules() {}

    /** "Class -> forbidden package" for each class of {@code anchor}'s module that references one. */
    public static List<String> violations(Class<?> anchor, String... forbiddenPackages) {
        try {
            Path location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> out = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path p :
                            files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        check(location.relativize(p).toString(), Files.readAllBytes(p), forbiddenPackages, out);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                check(e.getName(), in.readAllBytes(), forbiddenPackages, out);
                            }
                        }
                    }
                }
            }
            return out;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot scan the classes of " + anchor, e);
        }
    }

    private static void check(String name, byte[] bytes, String[] forbidden, List<String> out) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String f : forbidden) {
            if (text.contains(f)) {
                out.add(name + " -> " + f);
            }
        }
    }
}
