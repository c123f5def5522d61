package io.retort.sql;

import static io.retort.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.InvalidRequestException;
import io.retort.dialect.BindSlot;
import io.retort.dialect.CompiledStatement;
import io.retort.dialect.PlaceholderStyle;
import io.retort.dialect.TestDialect;
import org.junit.jupiter.api.Test;

class TextClauseTest {
    private final TestDialect dollar = new TestDialect(PlaceholderStyle.DOLLAR_NUMBERED, '"');
    private final TestDialect question = new TestDialect(PlaceholderStyle.QUESTION_MARK, '`');

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        TextClause t = text("SELECT * FROM t WHERE a = :a AND b > :b OR a = :a");
        CompiledStatement c = dollar.compile(t);
        assertThat(c.sql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b > $2 OR a = $3");
        assertThat(c.slots()).extracting(BindSlot::name).containsExactly("a", "b", "a");
        assertThat(question.compile(t).sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b > ? OR a = ?");
        assertThat(t.parameterNames()).containsExactly("a", "b");
    }

    @Test
    void literalsQuotedNamesCommentsAndCastsAreLeftAlone() {
        TextClause t = text(
                "SELECT ':x', \"col:y\", `z:w`, a::int, b -- :c\n FROM t /* :d */ WHERE e = :e AND f = 'it''s :g'");
        assertThat(t.parameterNames()).containsExactly("e");
        assertThat(dollar.compile(t).sql())
                .isEqualTo(
                        "SELECT ':x', \"col:y\", `z:w`, a::int, b -- :c\n FROM t /* :d */ WHERE e = $1 AND f = 'it''s :g'");
    }

    @Test
    void escapedColonIsALiteralColon() {
        TextClause t = text("SELECT '1' AS \\:notparam, :p");
        assertThat(t.parameterNames()).containsExactly("p");
        assertThat(dollar.compile(t).sql()).isEqualTo("SELECT '1' AS :notparam, $1");
    }

    @Test
    void timeLiteralsAreNotParameters() {
        TextClause t = text("SELECT TIME '10:30:00', :p");
        assertThat(t.parameterNames()).containsExactly("p");
    }

    @Test
    void singleRowInsertHasARepeatableValuesGroup() {
        CompiledStatement c = dollar.compile(text("INSERT INTO t (a, b) VALUES (:a, lower(:b))"));
        assertThat(c.hasValuesGroup()).isTrue();
        assertThat(c.valuesGroupSlotCount()).isEqualTo(2);
        assertThat(c.multiValuesSql(3))
                .isEqualTo("INSERT INTO t (a, b) VALUES ($1, lower($2)), ($3, lower($4)), ($5, lower($6))");
        assertThat(question.compile(text("insert into t (a) values (:a) returning a"))
                        .multiValuesSql(2))
                .isEqualTo("insert into t (a) values (?), (?) returning a");
    }

    @Test
    void otherStatementsHaveNoValuesGroup() {
        assertThat(dollar.compile(text("UPDATE t SET a = :a")).hasValuesGroup()).isFalse();
        assertThat(dollar.compile(text("INSERT INTO t (a) VALUES (:a), (:b)")).hasValuesGroup())
                .isFalse();
        assertThat(dollar.compile(text("INSERT INTO t (a) SELECT a FROM u WHERE x = :x"))
                        .hasValuesGroup())
                .isFalse();
        assertThat(dollar.compile(text("INSERT INTO t (\"values\") VALUES (:a)"))
                        .hasValuesGroup())
                .isTrue();
    }

    @Test
    void bindTypeOfAnUnknownParameterIsAnError() {
        assertThatThrownBy(() -> text("SELECT :a").bindType("b", Integer.class))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no parameter 'b'")
                .hasMessageContaining("[a]");
        CompiledStatement c = dollar.compile(text("SELECT :a").bindType("a", Integer.class));
        assertThat(c.slots().get(0).javaType()).isEqualTo(Integer.class);
    }

    @Test
    void cacheKeyIsTheShapeNotAnyValue() {
        assertThat(text("SELECT :a").cacheKey()).isEqualTo(text("SELECT :a").cacheKey());
        assertThat(text("SELECT :a").bindType("a", Long.class).cacheKey())
                .isNotEqualTo(text("SELECT :a").cacheKey());
    }
}
