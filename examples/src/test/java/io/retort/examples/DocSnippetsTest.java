package io.retort.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/ is a tagged region of a compiled example source, byte for
 * byte after removing common indentation, so a snippet cannot drift from code that compiles.
 *
 * <p>Run with {@code -Dsnippets.update=true} to rewrite the blocks from the sources first (see CONTRIBUTING.md).
 */
class DocSnippetsTest {
    private final Path root = Snippets.root();

    @Test
    void everyJavaBlockIsATaggedRegionOfACompiledSource() {
        if (Boolean.getBoolean("snippets.update")) {
            System.out.println("snippets rewritten in: " + Snippets.sync(root));
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path md : Snippets.markdownFiles(root)) {
            for (Snippets.Block block : Snippets.blocks(md)) {
                checked++;
                String where = root.relativize(md) + ":" + block.line();
                if (block.source() == null) {
                    problems.add(
                            where + ": ```java block without a <!-- snippet: path/File.java#tag --> line before it");
                    continue;
                }
                Path source = root.resolve(block.source());
                if (!block.source().matches("([\\w-]+/)+src/(main|test)/java/.+\\.java")
                        || !Files.isRegularFile(source)) {
                    problems.add(
                            where + ": snippet source " + block.source()
                                    + " is not a compiled Java source (<module>/src/main/java/... or src/test/java/...; a module may be nested, e.g. examples/webflux-service)");
                    continue;
                }
                String region = Snippets.regions(source).get(block.tag());
                if (region == null) {
                    problems.add(where + ": no tag::" + block.tag() + "[] in " + block.source() + " (tags there: "
                            + Snippets.regions(source).keySet() + ")");
                } else if (!region.equals(block.code())) {
                    problems.add(where + ": differs from " + block.source() + "#" + block.tag()
                            + " (run the test with -Dsnippets.update=true to rewrite it)\n--- docs:\n" + block.code()
                            + "--- source:\n" + region);
                }
            }
        }
        assertThat(problems).as("doc snippets checked: %d", checked).isEmpty();
        assertThat(checked).isPositive();
    }

    /** Pages being written on other branches, linked already; remove an entry once its page is merged. */
    private static final Set<String> PENDING_PAGES = Set.of();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void relativeLinksPointToExistingFiles() {
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>(Snippets.markdownFiles(root));
        pages.add(root.resolve("CONTRIBUTING.md"));
        for (Path md : pages) {
            Matcher m = LINK.matcher(String.join("\n", Snippets.read(md)));
            while (m.find()) {
                String link = m.group(1);
                if (link.contains("://") || link.startsWith("mailto:")) {
                    continue;
                }
                Path target = md.getParent().resolve(link).normalize();
                String rel = root.relativize(target).toString().replace('\\', '/');
                if (!Files.exists(target) && !PENDING_PAGES.contains(rel)) {
                    broken.add(root.relativize(md) + " -> " + link);
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
    }
}
