package io.retort.bench.model;

import java.util.ArrayList;
import java.util.List;

/** An author of W5's object graph, loaded with all its books. */
public final class Author {
    public final int id;
    public final String name;
    public final List<Book> books = new ArrayList<>();

    public Author(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Groups a stream of (author, book) join rows, ordered by author, into authors with their books. */
    public static final class Grouper {
        public final List<Author> authors = new ArrayList<>();
        private Author last;

        public void add(int authorId, String authorName, Book book) {
            if (last == null || last.id != authorId) {
                last = new Author(authorId, authorName);
                authors.add(last);
            }
            book.authorId = authorId;
            last.books.add(book);
        }

        /** authors + books, the checksum every contender's W5 returns. */
        public long size() {
            long n = authors.size();
            for (Author a : authors) {
                n += a.books.size();
            }
            return n;
        }
    }
}
