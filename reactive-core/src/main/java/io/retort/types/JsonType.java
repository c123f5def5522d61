package io.retort.types;

import io.retort.core.TypeConversionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON document: PostgreSQL {@code JSONB}, MariaDB {@code JSON}, H2 {@code JSON}. {@link Types#JSON} holds
 * the JSON text as a {@link String}; {@link Types#json(Class, JsonCodec)} maps it to any Java class through a
 * {@link JsonCodec}. A Java {@code null} is SQL NULL.
 *
 * <pre>{@code
 * column("doc", Types.JSON);                              // String: "{\"a\": 1}"
 * column("settings", Types.json(Settings.class, codec));  // Settings, through your JSON library
 * }</pre>
 *
 * @param <T> the Java type of values
 */
public final class JsonType<T> implements SqlType<T> {
    private final Class<T> javaType;
    private final JsonCodec codec;

    JsonType(Class<T> javaType, JsonCodec codec) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.codec = codec;
    }

    /** The codec, or {@code null} when values are JSON text. */
    public JsonCodec codec() {
        return codec;
    }

    @Override
    public Class<T> javaType() {
        return javaType;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.JSON;
    }

    /** The JSON text for {@code value}. */
    @Override
    public Object toDatabase(T value) {
        if (value == null) {
            return null;
        }
        if (codec == null) {
            return value.toString();
        }
        try {
            return codec.write(value);
        } catch (Exception e) {
            throw new TypeConversionException(
                    "JSON codec could not write a " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads JSON text (String, byte[] or ByteBuffer in UTF-8) into the Java value. */
    @Override
    public T fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof byte[] b) {
            text = new String(b, StandardCharsets.UTF_8);
        } else if (value instanceof ByteBuffer bb) {
            text = StandardCharsets.UTF_8.decode(bb.duplicate()).toString();
        } else {
            text = value.toString();
        }
        if (codec == null) {
            return javaType.cast(text);
        }
        try {
            return codec.read(text, javaType);
        } catch (Exception e) {
            throw new TypeConversionException(
                    "JSON codec could not read a " + javaType.getName() + " from " + abbreviate(text) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonType<?> t && t.javaType == javaType && Objects.equals(t.codec, codec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(javaType, codec);
    }

    @Override
    public String toString() {
        return codec == null ? "JSON" : "JSON(" + javaType.getSimpleName() + ")";
    }
}
