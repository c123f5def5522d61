package io.retort.testing;

import static io.retort.schema.Column.column;
import static io.retort.types.Types.INTEGER;
import static io.retort.types.Types.TEXT;
import static io.retort.types.Types.numeric;
import static io.retort.types.Types.string;

import io.retort.schema.MetaData;
import io.retort.schema.Table;

/**
 * The small fixed schema and data set the expression-language tests share: users, addresses (one foreign key
 * to users) and employees (a self reference).
 *
 * <pre>{@code
 * Fixtures f = new Fixtures();
 * f.create(db);   // CREATE TABLE ... and the rows below
 * }</pre>
 */
public final class Fixtures {
    public final MetaData metadata = new MetaData();
    public final Table users = metadata.table(
            "users",
            column("id", INTEGER).primaryKey(),
            column("name", string(30)).notNull(),
            column("fullname", TEXT),
            column("score", numeric(10, 2)));
    public final Table addresses = metadata.table(
            "addresses",
            column("id", INTEGER).primaryKey(),
            column("user_id", INTEGER).notNull().references("users.id"),
            column("email", string(100)).notNull());
    public final Table employees = metadata.table(
            "employees",
            column("id", INTEGER).primaryKey(),
            column("name", string(30)).notNull(),
            column("manager_id", INTEGER).references("employees.id"));

    /**
     * Creates the tables (text DDL) and loads: users 1 spongebob (10.50), 2 sandy (20.00), 3 patrick (NULL score),
     * 4 squidward (5.25); addresses 1 spongebob@sqlalchemy.org (user 1), 2 sandy@sqlalchemy.org (2),
     * 3 sandy@squirrelpower.org (2); employees 1 krabs, 2 squidward (boss 1), 3 spongebob (boss 1), 4 plankton.
     */
    public void create(Backend db) {
        db.run(
                "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, fullname VARCHAR(200), score NUMERIC(10, 2))",
                "CREATE TABLE addresses (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), email VARCHAR(100) NOT NULL)",
                "CREATE TABLE employees (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, manager_id INTEGER REFERENCES employees (id))",
                "INSERT INTO users (id, name, fullname, score) VALUES (1, 'spongebob', 'Spongebob Squarepants', 10.50), "
                        + "(2, 'sandy', 'Sandy Cheeks', 20.00), (3, 'patrick', 'Patrick Star', NULL), (4, 'squidward', NULL, 5.25)",
                "INSERT INTO addresses (id, user_id, email) VALUES (1, 1, 'spongebob@sqlalchemy.org'), "
                        + "(2, 2, 'sandy@sqlalchemy.org'), (3, 2, 'sandy@squirrelpower.org')",
                "INSERT INTO employees (id, name, manager_id) VALUES (1, 'krabs', NULL), (2, 'squidward', 1), "
                        + "(3, 'spongebob', 1), (4, 'plankton', NULL)");
    }
}
