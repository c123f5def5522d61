package io.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotingTest {
    private final TestDialect d = new TestDialect(PlaceholderStyle.DOLLAR_NUMBERED, '"');
    private final TestDialect m = new TestDialect(PlaceholderStyle.QUESTION_MARK, '`');

    @Test
    void plainLowerCaseNamesAreNotQuoted() {
        assertThat(d.quoteIdentifier("users")).isEqualTo("users");
        assertThat(d.quoteIdentifier("user_id2")).isEqualTo("user_id2");
    }

    @Test
    void reservedWordsMixedCaseDigitsAndSpecialCharactersAreQuoted() {
        assertThat(d.quoteIdentifier("order")).isEqualTo("\"order\"");
        assertThat(m.quoteIdentifier("order")).isEqualTo("`order`");
        assertThat(d.quoteIdentifier("UserName")).isEqualTo("\"UserName\"");
        assertThat(d.quoteIdentifier("1st")).isEqualTo("\"1st\"");
        assertThat(d.quoteIdentifier("a b;--")).isEqualTo("\"a b;--\"");
        assertThat(d.quoteIdentifier("naïve")).isEqualTo("\"naïve\"");
    }

    @Test
    void anEmbeddedQuoteIsDoubledNeverPassedThrough() {
        assertThat(d.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(m.quoteIdentifier("a`b")).isEqualTo("`a``b`");
        assertThat(d.quoteIdentifier("x\"; DROP TABLE t; --")).isEqualTo("\"x\"\"; DROP TABLE t; --\"");
    }
}
