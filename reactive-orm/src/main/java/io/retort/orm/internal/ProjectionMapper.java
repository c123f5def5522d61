package io.retort.orm.internal;

import io.retort.core.Row;
import io.retort.core.internal.Conversions;
import io.retort.orm.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Maps rows onto a record (by component names) or a DTO class (by constructor parameter names, which needs
 * {@code javac -parameters}). The constructor is resolved once per class as a spreading {@link MethodHandle};
 * which column feeds which parameter is resolved once per row shape (result column list), never per row.
 */
public final class ProjectionMapper<R> implements Function<Row, R> {
    private static final ClassValue<ProjectionMapper<?>> CACHE = new ClassValue<>() {
        @Override
        protected ProjectionMapper<?> computeValue(Class<?> type) {
            return new ProjectionMapper<>(type);
        }
    };

    private final Class<R> type;
    private final List<String> names;
    private final Class<?>[] types;
    private final MethodHandle constructor;
    private volatile Shape shape;

    private record Shape(List<String> columns, int[] indexes) {}

    /** The mapper of {@code type}, built once per class. */
    @SuppressWarnings("unchecked")
    public static <R> ProjectionMapper<R> of(Class<R> type) {
        try {
            return (ProjectionMapper<R>) CACHE.get(type);
        } catch (MappingException e) {
            throw new MappingException(e.getMessage(), e);
        }
    }

    private ProjectionMapper(Class<R> type) {
        this.type = type;
        Constructor<?> ctor;
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] sig = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                ctor = type.getDeclaredConstructor(sig);
            } catch (NoSuchMethodException e) {
                throw new MappingException("Record " + type.getName() + " has no canonical constructor", e);
            }
            names = Arrays.stream(rc).map(RecordComponent::getName).toList();
        } else {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isPrimitive()) {
                throw new MappingException("Cannot project rows onto " + type.getName()
                        + ": use a record or a concrete class with a constructor taking the columns");
            }
            Constructor<?>[] all = type.getDeclaredConstructors();
            ctor = Arrays.stream(all)
                    .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                    .orElseThrow();
            if (ctor.getParameterCount() == 0) {
                throw new MappingException(
                        "Cannot project rows onto " + type.getName()
                                + ": it has no constructor with parameters (use a record, or a constructor taking the columns)");
            }
            List<String> n = new ArrayList<>();
            for (Parameter p : ctor.getParameters()) {
                if (!p.isNamePresent()) {
                    throw new MappingException("Cannot project rows onto " + type.getName()
                            + ": its constructor parameter names were not compiled in; compile with"
                            + " 'javac -parameters' or use a record");
                }
                n.add(p.getName());
            }
            names = List.copyOf(n);
        }
        types = ctor.getParameterTypes();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            constructor = lookup.unreflectConstructor(ctor)
                    .asSpreader(Object[].class, types.length)
                    .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new MappingException(
                    "Cannot access the constructor of " + type.getName()
                            + " (open its package to io.retort.orm if it is in a named module)",
                    e);
        }
    }

    /** The component (parameter) names, in constructor order. */
    public List<String> names() {
        return names;
    }

    /** The component (parameter) types, in constructor order. */
    public List<Class<?>> types() {
        return List.of(types);
    }

    @Override
    public R apply(Row row) {
        List<String> columns = row.columnNames();
        Shape s = shape;
        if (s == null || (s.columns != columns && !s.columns.equals(columns))) {
            s = new Shape(columns, resolve(columns));
            shape = s;
        }
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            Object v = row.get(s.indexes[i]);
            if (v == null) {
                if (types[i].isPrimitive()) {
                    throw new MappingException("Cannot project onto " + type.getSimpleName() + ": column '"
                            + columns.get(s.indexes[i]) + "' is NULL but component '" + names.get(i) + "' is a "
                            + types[i].getName());
                }
                continue;
            }
            Class<?> t = Conversions.box(types[i]);
            args[i] = t.isInstance(v) ? v : Conversions.convert(v, t, columns.get(s.indexes[i]));
        }
        try {
            return type.cast(constructor.invokeExact(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Constructor of " + type.getName() + " failed: " + t, t);
        }
    }

    private int[] resolve(List<String> columns) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = find(columns, names.get(i));
            if (out[i] < 0) {
                throw new MappingException("Cannot project rows onto " + type.getSimpleName()
                        + ": no result column for component '" + names.get(i) + "' (columns: " + columns
                        + "); select it, or label an expression with .label(\"" + names.get(i) + "\")");
            }
        }
        return out;
    }

    private static int find(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(name)) {
                return i;
            }
        }
        String snake = snake(name);
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c.equalsIgnoreCase(name) || c.equalsIgnoreCase(snake)) {
                return i;
            }
        }
        return -1;
    }

    private static String snake(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(ch));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
