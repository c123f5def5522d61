package io.retort.orm;

import io.retort.orm.internal.HolderBinding;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import reactor.core.publisher.Mono;

/**
 * A to-many relationship as a {@link java.util.List} that is loaded explicitly, as a publisher. New objects start
 * with a loaded, empty list; objects read from the database hold an unloaded list unless a loader option filled
 * it. Every list method needs it loaded and otherwise throws an error naming the attribute; adding and removing
 * keep the other side in sync.
 *
 * <pre>{@code
 * @OneToMany(mappedBy = "user") LazyList<Address> addresses = LazyList.empty();
 *
 * user.addresses.add(new Address("sandy@sqlalchemy.org"));   // sets address.user too
 * user.addresses.fetch();                                     // Mono<List<Address>>, loaded once
 * }</pre>
 *
 * @param <T> the target entity
 */
public final class LazyList<T> extends AbstractList<T> implements RandomAccess {
    private final ArrayList<T> items = new ArrayList<>();
    private boolean loaded = true;
    private HolderBinding binding;

    private LazyList() {}

    /** A loaded, empty list. */
    public static <T> LazyList<T> empty() {
        return new LazyList<>();
    }

    /** A loaded list of {@code values}. */
    @SafeVarargs
    public static <T> LazyList<T> of(T... values) {
        LazyList<T> l = new LazyList<>();
        l.items.addAll(List.of(values));
        return l;
    }

    /** Whether the elements are in memory. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * The elements, loading them through the owning session the first time (one SELECT, coalesced with other
     * {@code fetch()} calls of the same relationship issued at the same moment).
     */
    public Mono<List<T>> fetch() {
        return Mono.defer(() -> {
            if (loaded) {
                return Mono.just((List<T>) this);
            }
            if (binding == null) {
                return Mono.error(new io.retort.core.InvalidRequestException(
                        "Cannot fetch an unloaded relationship of an object that is not in a session"));
            }
            return binding.load().then(Mono.fromSupplier(() -> (List<T>) this));
        });
    }

    private void check(String what) {
        if (!loaded) {
            throw Lazy.notLoaded(binding, what);
        }
    }

    @Override
    public T get(int index) {
        check("get(int)");
        return items.get(index);
    }

    @Override
    public int size() {
        check("size()");
        return items.size();
    }

    @Override
    public T set(int index, T element) {
        check("set(int, Object)");
        T old = items.set(index, element);
        if (binding != null && old != element) {
            binding.removed(old);
            binding.added(element);
        }
        return old;
    }

    @Override
    public void add(int index, T element) {
        check("add(Object)");
        items.add(index, element);
        if (binding != null) {
            binding.added(element);
        }
    }

    @Override
    public T remove(int index) {
        check("remove(Object)");
        T old = items.remove(index);
        if (binding != null) {
            binding.removed(old);
        }
        return old;
    }

    // ------------------------------------------------------------------ for Retort's session, not for applications

    /** Session use: attaches the list to its owner's session. */
    public void bind(HolderBinding binding) {
        this.binding = binding;
    }

    /** Session use: the binding, or null. */
    public HolderBinding binding() {
        return binding;
    }

    /** Session use: marks the list unloaded. */
    public void unload() {
        items.clear();
        loaded = false;
    }

    /** Session use: replaces the elements without triggering synchronisation. */
    public void fill(Collection<? extends T> values) {
        items.clear();
        items.addAll(values);
        loaded = true;
    }

    /** Session use: adds without synchronisation (when the other side changed). */
    public void addQuietly(T value) {
        if (loaded && !containsIdentity(value)) {
            items.add(value);
        }
    }

    /** Session use: removes without synchronisation. */
    public void removeQuietly(Object value) {
        if (loaded) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == value) {
                    items.remove(i);
                    return;
                }
            }
        }
    }

    /** Session use: the elements, or an empty list when unloaded. */
    public List<T> snapshot() {
        return List.copyOf(items);
    }

    private boolean containsIdentity(Object value) {
        for (T t : items) {
            if (t == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return loaded ? items.toString() : "LazyList[not loaded]";
    }
}
