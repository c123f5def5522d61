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
    private ArrayDeque<Sinks.Empty<Void>> waiters;
    private boolean held;

    /** {@code op} run while holding the lock; the lock is released on complete, error or cancel. */
    public <T> Flux<T> run(Supplier<? extends Flux<T>> op) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> ticket = null;
            synchronized (this) {
                if (!held) {
                    held = true;
                } else {
                    ticket = Sinks.empty();
                    if (waiters == null) {
                        waiters = new ArrayDeque<>(4);
                    }
                    waiters.add(ticket);
                }
            }
            AtomicBoolean acquired = new AtomicBoolean(ticket == null);
            // release before the terminal signal travels on: a downstream concatMap subscribes the next operation
            // from inside onComplete, and must find the lock free (with a synchronous driver such as H2, releasing
            // afterwards nests one level of stack per queued operation); doFinally covers cancel
            Flux<T> body = Flux.defer(op)
                    .doOnTerminate(() -> releaseIfAcquired(acquired))
                    .doFinally(s -> releaseIfAcquired(acquired));
            if (ticket == null) {
                return body; // free: no waiting stage at all
            }
            Sinks.Empty<Void> mine = ticket;
            return mine.asMono()
                    .doOnCancel(() -> {
                        boolean removed;
                        synchronized (this) {
                            removed = waiters.remove(mine);
                        }
                        if (!removed) {
                            release(); // granted while being cancelled: pass the turn on
                        }
                    })
                    .then(Mono.fromRunnable(() -> acquired.set(true)))
                    .thenMany(body);
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
            next = waiters == null ? null : waiters.poll();
            if (next == null) {
                held = false;
            }
        }
        if (next != null) {
            next.tryEmitEmpty();
        }
    }
}
