package io.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the libraries' public packages (not {@code *.internal}) has a javadoc comment
 * with a short example ({@code <pre>{@code ...}</pre>}), and every package has a {@code package-info.java}.
 * Doclint itself (broken links, bad HTML) is checked by the javadoc build: see CONTRIBUTING.md.
 */
class JavadocCoverageTest {
    private static final List<String> MODULES = List.of("reactive-core", "r2dbc-dialects", "reactive-orm");
    private static final Pattern TYPE = Pattern.compile(
            "^([ \\t]*)public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyPublicTypeHasJavadocWithAnExampleAndEveryPackageAPackageInfo() throws IOException {
        Path root = Snippets.root();
        List<String> problems = new ArrayList<>();
        int types = 0;
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            List<Path> files;
            try (Stream<Path> s = Files.walk(src)) {
                files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            }
            for (Path dir : files.stream().map(Path::getParent).distinct().toList()) {
                if (!Files.exists(dir.resolve("package-info.java"))) {
                    problems.add(root.relativize(dir) + ": no package-info.java");
                }
            }
            for (Path file : files) {
                if (file.toString().contains("/internal/") || file.endsWith("package-info.java")) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = TYPE.matcher(text);
                while (m.find()) {
                    types++;
                    check(root, file, text, m, problems);
                }
            }
        }
        assertThat(problems).as("public types checked: %d", types).isEmpty();
        assertThat(types).isGreaterThan(50);
    }

    /** A top-level type needs javadoc with an example; a nested public type (a builder, say) needs javadoc. */
    private static void check(Path root, Path file, String text, Matcher m, List<String> problems) {
        String before = text.substring(0, m.start() + m.group(1).length());
        int end = before.lastIndexOf("*/");
        int start = before.lastIndexOf("/**");
        String between = end < 0 ? "" : before.substring(end + 2);
        boolean hasDoc = start >= 0
                && end > start
                && between.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("@"));
        String where = root.relativize(file) + " (" + m.group(3) + ")";
        boolean nested = !m.group(1).isEmpty();
        if (!hasDoc) {
            problems.add(where + ": no javadoc");
        } else if (!nested && !before.substring(start, end).contains("<pre>")) {
            problems.add(where + ": javadoc has no <pre>{@code ...}</pre> example");
        }
    }
}
