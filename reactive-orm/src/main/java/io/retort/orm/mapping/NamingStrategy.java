package io.retort.orm.mapping;

import java.lang.reflect.Field;

/**
 * Names tables and columns for classes and fields that do not name them explicitly.
 *
 * <pre>{@code
 * NamingStrategy.SNAKE_CASE.columnName(field);   // "fullName" -> "full_name"
 * SessionFactory.builder(engine).namingStrategy(NamingStrategy.AS_IS)...
 * }</pre>
 */
public interface NamingStrategy {

    /** The default: {@code UserAccount} → {@code user_account}, {@code fullName} → {@code full_name}. */
    NamingStrategy SNAKE_CASE = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entity) {
            return snake(entity.getSimpleName());
        }

        @Override
        public String columnName(Field field) {
            return snake(field.getName());
        }

        @Override
        public String toString() {
            return "SNAKE_CASE";
        }
    };

    /** Names exactly as the Java names. */
    NamingStrategy AS_IS = new NamingStrategy() {
        @Override
        public String tableName(Class<?> entity) {
            return entity.getSimpleName();
        }

        @Override
        public String columnName(Field field) {
            return field.getName();
        }

        @Override
        public String toString() {
            return "AS_IS";
        }
    };

    String tableName(Class<?> entity);

    String columnName(Field field);

    /** {@code fullName} → {@code full_name}, {@code HTTPServer} → {@code http_server}. */
    static String snake(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1)) && name.charAt(i - 1) != '_';
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(name.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower))) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
