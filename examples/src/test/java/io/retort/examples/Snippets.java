package io.retort.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Code snippets of the docs, taken from tagged regions of compiled sources.
 *
 * <p>A region in a Java source is marked {@code // tag::name[]} ... {@code // end::name[]}. A Markdown
 * {@code ```java} block is preceded by {@code <!-- snippet: path/to/File.java#name -->} (a path from the
 * repository root) and must equal that region with its common indentation removed; tag lines of nested regions
 * are left out. {@link #sync} rewrites the blocks from the regions; {@link DocSnippetsTest} checks them.
 */
final class Snippets {
    static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*(\\S+?)#([\\w.-]+)\\s*-->");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[]\\s*$");

    private Snippets() {}

    /** The repository root: the nearest directory upwards that holds README.md and docs/. */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (README.md + docs/) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** README.md and every Markdown file under docs/. */
    static List<Path> markdownFiles(Path root) {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.walk(root.resolve("docs"))) {
            s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The tagged regions of a Java source, by tag name, dedented, tag lines removed. */
    static Map<String, String> regions(Path source) {
        List<String> lines = read(source);
        Map<String, List<String>> open = new LinkedHashMap<>();
        Map<String, String> done = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TAG.matcher(lines.get(i));
            if (m.matches()) {
                String name = m.group(2);
                if (m.group(1).equals("tag")) {
                    if (open.containsKey(name) || done.containsKey(name)) {
                        throw new IllegalStateException(source + ":" + (i + 1) + ": tag '" + name + "' used twice");
                    }
                    open.put(name, new ArrayList<>());
                } else {
                    List<String> body = open.remove(name);
                    if (body == null) {
                        throw new IllegalStateException(
                                source + ":" + (i + 1) + ": end::" + name + "[] without tag::" + name + "[]");
                    }
                    done.put(name, dedent(body));
                }
                continue;
            }
            for (List<String> body : open.values()) {
                body.add(lines.get(i));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(source + ": tags never ended: " + open.keySet());
        }
        return done;
    }

    /** Removes the indentation common to all non-blank lines and leading/trailing blank lines. */
    static String dedent(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        List<String> body = lines.subList(start, end);
        int indent = body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** One {@code ```java} block of a Markdown file. */
    record Block(Path file, int line, String source, String tag, String code, int codeStart, int codeEnd) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    /** The java blocks of a Markdown file, with the snippet marker before each (null when there is none). */
    static List<Block> blocks(Path md) {
        List<String> lines = read(md);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String source = null;
            String tag = null;
            int prev = i - 1;
            while (prev >= 0 && lines.get(prev).isBlank()) {
                prev--;
            }
            if (prev >= 0) {
                Matcher m = MARKER.matcher(lines.get(prev));
                if (m.find()) {
                    source = m.group(1);
                    tag = m.group(2);
                }
            }
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalStateException(md + ":" + (i + 1) + ": ```java block never closed");
            }
            blocks.add(new Block(md, i + 1, source, tag, dedent(lines.subList(i + 1, j)), i + 1, j));
            i = j;
        }
        return blocks;
    }

    /** Rewrites every marked block of every Markdown file from its tagged region; returns the files changed. */
    static List<Path> sync(Path root) {
        List<Path> changed = new ArrayList<>();
        for (Path md : markdownFiles(root)) {
            List<String> lines = new ArrayList<>(read(md));
            List<Block> blocks = blocks(md);
            boolean dirty = false;
            for (int b = blocks.size() - 1; b >= 0; b--) {
                Block block = blocks.get(b);
                if (block.source() == null) {
                    continue;
                }
                String region = regions(root.resolve(block.source())).get(block.tag());
                if (region == null) {
                    throw new IllegalStateException(
                            block.where() + ": no tag '" + block.tag() + "' in " + block.source());
                }
                if (!region.equals(block.code())) {
                    String fence = lines.get(block.codeStart() - 1);
                    String indent = fence.substring(
                            0, fence.length() - fence.stripLeading().length());
                    List<String> replacement = region.lines()
                            .map(l -> l.isEmpty() ? "" : indent + l)
                            .toList();
                    lines.subList(block.codeStart(), block.codeEnd()).clear();
                    lines.addAll(block.codeStart(), replacement);
                    dirty = true;
                }
            }
            if (dirty) {
                try {
                    Files.writeString(md, String.join("\n", lines) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                changed.add(md);
            }
        }
        return changed;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
