package io.retort.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retort.core.TypeConversionException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversionsTest {
    enum Color {
        RED
    }

    @Test
    void numbersConvertExactly() {
        assertThat(Conversions.convert(5, Long.class, "c")).isEqualTo(5L);
        assertThat(Conversions.convert(5L, Integer.class, "c")).isEqualTo(5);
        assertThat(Conversions.convert(new BigDecimal("12.50"), Double.class, "c"))
                .isEqualTo(12.5);
        assertThat(Conversions.convert(7, BigDecimal.class, "c")).isEqualByComparingTo("7");
        assertThat(Conversions.convert(1, Boolean.class, "c")).isTrue();
        assertThat(Conversions.convert((byte) 0, Boolean.class, "c")).isFalse();
        assertThatThrownBy(() -> Conversions.convert(Long.MAX_VALUE, Integer.class, "big"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("Column 'big'")
                .hasMessageContaining("java.lang.Long")
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> Conversions.convert(new BigDecimal("1.5"), Long.class, "frac"))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void stringsUuidsEnumsBytesAndTimes() {
        UUID u = UUID.randomUUID();
        assertThat(Conversions.convert(u.toString(), UUID.class, "c")).isEqualTo(u);
        assertThat(Conversions.convert("RED", Color.class, "c")).isEqualTo(Color.RED);
        assertThat(Conversions.convert(ByteBuffer.wrap(new byte[] {1, 2}), byte[].class, "c"))
                .containsExactly(1, 2);
        OffsetDateTime t = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        assertThat(Conversions.convert(t, Instant.class, "c")).isEqualTo(t.toInstant());
        assertThat(Conversions.convert(null, String.class, "c")).isNull();
        assertThatThrownBy(() -> Conversions.convert(null, int.class, "n"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("NULL");
        assertThatThrownBy(() -> Conversions.convert(3, String.class, "s")).isInstanceOf(TypeConversionException.class);
    }
}
