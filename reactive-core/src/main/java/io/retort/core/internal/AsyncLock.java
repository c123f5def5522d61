package io.retort.core.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A fair, non-blocking mutex: operations run one at a time in the order they subscribed. Used to serialise
 * concurrent operations on one connection so they never interleave on the wire.
 */
public final class AsyncLock {
    private final ArrayDeque<Sinks.Empty<Void>> waiters = new ArrayDeque<>();
    private boolean held;

    /** {@code op} run while holding the lock; the lock is released on complete, error or cancel. */
    public <T> Flux<T> run(Supplier<? extends Flux<T>> op) {
        return Flux.defer(() -> {
            AtomicBoolean acquired = new AtomicBoolean();
            Sinks.Empty<Void> ticket = Sinks.empty();
            boolean now;
            synchronized (this) {
                now = !held;
                if (now) {
                    held = true;
                } else {
                    waiters.add(ticket);
                }
            }
            Mono<Void> turn = now
                    ? Mono.empty()
                    : ticket.asMono().doOnCancel(() -> {
                        boolean removed;
                        synchronized (this) {
                            removed = waiters.remove(ticket);
                        }
                        if (!removed) {
                            release(); // granted while being cancelled: pass the turn on
                        }
                    });
            return turn.then(Mono.fromRunnable(() -> acquired.set(true)))
                    .thenMany(Flux.defer(op))
                    // release before the terminal signal travels on: a downstream concatMap subscribes the next
                    // operation from inside onComplete, and must find the lock free (with a synchronous driver such
                    // as H2, releasing afterwards nests one level of stack per queued operation)
                    .doOnComplete(() -> releaseIfAcquired(acquired))
                    .doOnError(e -> releaseIfAcquired(acquired))
                    .doFinally(s -> releaseIfAcquired(acquired));
        });
    }

    private void releaseIfAcquired(AtomicBoolean acquired) {
        if (acquired.getAndSet(false)) {
            release();
        }
    }

    private void release() {
        Sinks.Empty<Void> next;
        synchronized (this) {
            next = waiters.poll();
            if (next == null) {
                held = false;
            }
        }
        if (next != null) {
            next.tryEmitEmpty();
        }
    }
}
