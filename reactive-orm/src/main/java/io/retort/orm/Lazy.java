package io.retort.orm;

import io.retort.core.InvalidRequestException;
import io.retort.orm.internal.HolderBinding;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A to-one relationship that is loaded explicitly, as a publisher, never by blocking I/O behind a getter. New
 * objects start loaded; objects read from the database hold an unloaded {@code Lazy} unless a loader option
 * ({@code selectinload}, {@code joinedload}) filled it.
 *
 * <pre>{@code
 * @ManyToOne @JoinColumn(name = "user_id") Lazy<User> user = Lazy.empty();
 *
 * address.user.fetch().map(User::name);      // Mono<String>: one SELECT the first time, cached afterwards
 * address.user.isLoaded();                    // true after fetch(), or with selectinload(Address_.user)
 * address.user.get();                         // the User, or an error naming the attribute when not loaded
 * address.user.set(sandy);                    // also adds the address to sandy.addresses (when loaded)
 * }</pre>
 *
 * @param <T> the target entity
 */
public final class Lazy<T> {
    private T value;
    private boolean loaded;
    private Object foreignKey;
    private HolderBinding binding;

    private Lazy(T value, boolean loaded) {
        this.value = value;
        this.loaded = loaded;
    }

    /** A loaded holder with no target. */
    public static <T> Lazy<T> empty() {
        return new Lazy<>(null, true);
    }

    /** A loaded holder of {@code value}. */
    public static <T> Lazy<T> of(T value) {
        return new Lazy<>(value, true);
    }

    /** Whether the target is in memory ({@link #get()} will not fail). */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * The target (possibly {@code null}).
     *
     * @throws InvalidRequestException when not loaded, naming the attribute and how to load it
     */
    public T get() {
        if (!loaded) {
            throw notLoaded(binding, "get()");
        }
        return value;
    }

    /**
     * The target, loading it through the owning session the first time (one SELECT, coalesced with other
     * {@code fetch()} calls of the same relationship issued at the same moment). Emits nothing for no target.
     * Fails when the owning session is closed or the object is detached, naming the attribute.
     */
    public Mono<T> fetch() {
        return Mono.defer(() -> {
            if (loaded) {
                return Mono.justOrEmpty(value);
            }
            if (binding == null) {
                return Mono.error(new InvalidRequestException(
                        "Cannot fetch an unloaded relationship of an object that is not in a session"));
            }
            return binding.load().then(Mono.fromSupplier(() -> value));
        });
    }

    /** Points the relationship at {@code target} (loaded); the other side follows when it is loaded. */
    public void set(T target) {
        T old = loaded ? value : null;
        Object oldKey = loaded ? null : foreignKey;
        this.value = target;
        this.loaded = true;
        this.foreignKey = null;
        if (binding != null && (!Objects.equals(old, target) || oldKey != null)) {
            binding.toOneChanged(old != null ? old : binding.loadedTarget(oldKey), target);
        }
    }

    // ------------------------------------------------------------------ for Retort's session, not for applications

    /** Session use: attaches the holder to its owner's session. */
    public void bind(HolderBinding binding) {
        this.binding = binding;
    }

    /** Session use: the binding, or null. */
    public HolderBinding binding() {
        return binding;
    }

    /** Session use: marks the holder unloaded, remembering the foreign-key value that identifies the target. */
    public void unload(Object foreignKey) {
        this.value = null;
        this.loaded = false;
        this.foreignKey = foreignKey;
    }

    /** Session use: fills the holder without triggering synchronisation. */
    public void fill(T target) {
        this.value = target;
        this.loaded = true;
    }

    /** Session use: the foreign-key value of an unloaded holder. */
    public Object foreignKey() {
        return foreignKey;
    }

    static InvalidRequestException notLoaded(HolderBinding binding, String what) {
        String attr = binding == null ? "this relationship" : binding.describe();
        if (binding != null && binding.raise()) {
            return new InvalidRequestException(attr + " is not loaded and its loading strategy is raise (raiseload):"
                    + " load it with selectinload/joinedload in the query instead of accessing it lazily");
        }
        return new InvalidRequestException(attr + " is not loaded; " + what + " needs it in memory: use "
                + "selectinload(...) or joinedload(...) in the query, or fetch() it (a Mono) first");
    }

    @Override
    public String toString() {
        return loaded ? "Lazy[" + value + "]" : "Lazy[not loaded]";
    }
}
