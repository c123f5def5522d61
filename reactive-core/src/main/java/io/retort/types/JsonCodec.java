package io.retort.types;

/**
 * Turns Java objects into JSON text and back, for {@link Types#json(Class, JsonCodec)} columns. Retort ships no
 * JSON library; wrap the one you use (Jackson, Gson, Jakarta JSON-B) in a few lines.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper();
 * JsonCodec jackson = new JsonCodec() {
 *     public String write(Object value) throws Exception { return mapper.writeValueAsString(value); }
 *     public <T> T read(String json, Class<T> type) throws Exception { return mapper.readValue(json, type); }
 * };
 * column("settings", Types.json(Settings.class, jackson));
 * }</pre>
 */
public interface JsonCodec {

    /** The JSON text for {@code value} (never null). */
    String write(Object value) throws Exception;

    /** The value of {@code type} that {@code json} (never null) describes. */
    <T> T read(String json, Class<T> type) throws Exception;
}
