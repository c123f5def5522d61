package io.retort.orm.internal;

import io.retort.core.InvalidRequestException;
import io.retort.orm.Keyset;
import io.retort.schema.Column;
import io.retort.sql.ColumnElement;
import io.retort.sql.OrderByElement;
import io.retort.sql.Select;
import io.retort.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset pagination of an entity query: the ORDER BY's attributes (plus the primary key as the last
 * tie-breaker), the seek predicate that starts after a {@link Keyset}, and the keyset of a page's last entity.
 */
public final class KeysetPaging<T> {
    private final EntityModel<T> model;
    private final Select ordered;
    private final List<AttributeModel> keys;
    private final List<Boolean> ascending;

    private KeysetPaging(EntityModel<T> model, Select ordered, List<AttributeModel> keys, List<Boolean> ascending) {
        this.model = model;
        this.ordered = ordered;
        this.keys = keys;
        this.ascending = ascending;
    }

    /**
     * The paging of {@code select} (an entity select with an ORDER BY of the entity's attributes).
     *
     * @throws InvalidRequestException without ORDER BY, or for an ORDER BY item that is not an attribute
     */
    public static <T> KeysetPaging<T> of(EntityModel<T> model, Select select) {
        List<OrderByElement> order = select.orderByItems();
        if (order.isEmpty()) {
            throw new InvalidRequestException(
                    "page() of " + model.type().getSimpleName()
                            + " needs an orderBy(...) of its attributes: keyset pagination seeks past the last row's sort values");
        }
        List<AttributeModel> keys = new ArrayList<>();
        List<Boolean> asc = new ArrayList<>();
        for (OrderByElement o : order) {
            keys.add(attributeOf(model, o.expression()));
            asc.add(o.ascending());
        }
        Select ordered = select;
        for (AttributeModel id : model.ids()) {
            if (!keys.contains(id)) {
                keys.add(id);
                asc.add(Boolean.TRUE);
                ordered = ordered.orderBy(id.column().asc());
            }
        }
        return new KeysetPaging<>(model, ordered, List.copyOf(keys), List.copyOf(asc));
    }

    private static AttributeModel attributeOf(EntityModel<?> model, ColumnElement<?> e) {
        ColumnElement<?> c = e instanceof io.retort.orm.metamodel.Attribute<?, ?> at ? at.column() : e;
        if (c instanceof Column<?> col) {
            for (AttributeModel a : model.attributes()) {
                if (a.column() == col) {
                    return a;
                }
            }
        }
        throw new InvalidRequestException("page() of " + model.type().getSimpleName() + " orders by " + e
                + ", which is not an attribute of " + model.type().getSimpleName()
                + "; keyset pagination reads the sort values from the last entity of a page");
    }

    /** The ordered select, starting after {@code after} ({@code null}: from the start). */
    @SuppressWarnings("unchecked")
    public Select seek(Keyset after) {
        if (after == null) {
            return ordered;
        }
        List<Object> v = after.values();
        if (v.size() != keys.size()) {
            throw new InvalidRequestException("Keyset " + v + " has " + v.size() + " values but the page of "
                    + model.type().getSimpleName() + " is ordered by " + keys.size() + " " + names());
        }
        List<ColumnElement<Boolean>> ors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<ColumnElement<Boolean>> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(keys.get(j).column().eq(value(j, v.get(j))));
            }
            Object x = value(i, v.get(i));
            ands.add(
                    ascending.get(i)
                            ? keys.get(i).column().gt(x)
                            : keys.get(i).column().lt(x));
            ors.add(ands.size() == 1 ? ands.get(0) : Sql.and(ands.toArray(ColumnElement[]::new)));
        }
        return ordered.where(ors.size() == 1 ? ors.get(0) : Sql.or(ors.toArray(ColumnElement[]::new)));
    }

    private Object value(int i, Object v) {
        if (v == null) {
            throw new InvalidRequestException("Keyset value for " + keys.get(i) + " is null; keyset pagination needs"
                    + " non-null sort values (order by non-null attributes)");
        }
        Values.check(keys.get(i), v);
        return Values.toColumn(keys.get(i), v);
    }

    /** The keyset after {@code last}. */
    public Keyset keyset(T last) {
        List<Object> v = new ArrayList<>();
        for (AttributeModel a : keys) {
            v.add(a.get(last));
        }
        return new Keyset(v);
    }

    private List<String> names() {
        return keys.stream().map(AttributeModel::name).toList();
    }
}
