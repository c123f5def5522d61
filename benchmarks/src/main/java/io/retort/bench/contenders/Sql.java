package io.retort.bench.contenders;

/** The statements of the workloads, written once; each contender renders the same SQL its own way. */
final class Sql {
    private Sql() {}

    static final String COLUMNS = "id, name, price, created";
    static final String SELECT_ITEM_PG = "SELECT " + COLUMNS + " FROM bench_item WHERE id = $1";
    static final String SELECT_ITEM_NAMED = "SELECT " + COLUMNS + " FROM bench_item WHERE id = :id";
    static final String SELECT_BIG = "SELECT " + COLUMNS + " FROM bench_big";
    static final String INSERT_PG = "INSERT INTO bench_new (" + COLUMNS + ") VALUES ($1, $2, $3, $4)";
    static final String INSERT_NAMED = "INSERT INTO bench_new (" + COLUMNS + ") VALUES (:id, :name, :price, :created)";
    static final String UPDATE_PG = "UPDATE bench_item SET name = $1, price = $2 WHERE id = $3";
    static final String UPDATE_NAMED = "UPDATE bench_item SET name = :name, price = :price WHERE id = :id";
    static final String GRAPH = "SELECT a.id AS author_id, a.name AS author_name, b.id AS book_id, b.title, b.price"
            + " FROM bench_author a JOIN bench_book b ON b.author_id = a.id ORDER BY a.id, b.id";
    /** Rows per multi-row INSERT (Retort's insertManyValuesBatchSize default; 4,000 parameters a statement). */
    static final int VALUES_CHUNK = 1000;

    static String multiRowInsert(int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO bench_new (" + COLUMNS + ") VALUES ");
        int p = 1;
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "(" : ", (");
            sb.append('$')
                    .append(p++)
                    .append(", $")
                    .append(p++)
                    .append(", $")
                    .append(p++)
                    .append(", $")
                    .append(p++);
            sb.append(')');
        }
        return sb.toString();
    }
}
