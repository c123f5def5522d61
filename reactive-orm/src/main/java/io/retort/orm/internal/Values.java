package io.retort.orm.internal;

import io.retort.core.internal.Conversions;
import io.retort.orm.MappingException;

/** Checks and converts values given for mapped attributes (criteria, bulk SET values, mappings). */
public final class Values {
    private Values() {}

    /**
     * Fails unless {@code value} fits the attribute (null, an instance of its boxed type, or any number for a
     * numeric attribute).
     *
     * @throws MappingException naming the attribute, its type and the value's type
     */
    public static void check(AttributeModel a, Object value) {
        if (value == null || value instanceof io.retort.sql.ColumnElement<?>) {
            return;
        }
        Class<?> expected = Conversions.box(a.javaType());
        if (!expected.isInstance(value) && !(value instanceof Number && Number.class.isAssignableFrom(expected))) {
            throw new MappingException("Attribute " + a + " holds " + expected.getSimpleName() + ", but the value "
                    + value + " is a " + value.getClass().getSimpleName());
        }
    }

    /** A value (checked) as stored in the attribute's column: enums by name or ordinal, numbers as the field's type. */
    public static Object toColumn(AttributeModel a, Object value) {
        check(a, value);
        if (value instanceof Number n && !Conversions.box(a.javaType()).isInstance(n)) {
            value = toField(a, n);
        }
        return a.toColumnValue(value);
    }

    /** A value computed in Java (an evaluated SET expression) converted to the attribute's field type. */
    public static Object toField(AttributeModel a, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> t = Conversions.box(a.javaType());
        if (t.isInstance(value)) {
            return value;
        }
        if (t.isEnum()) {
            return a.fromColumnValue(value);
        }
        return Conversions.convert(value, t, a.columnName());
    }
}
