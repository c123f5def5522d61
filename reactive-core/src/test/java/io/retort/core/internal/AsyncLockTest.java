package io.retort.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class AsyncLockTest {

    @Test
    void operationsRunOneAtATimeInSubscriptionOrder() {
        AsyncLock lock = new AsyncLock();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        Flux<Integer> all = Flux.range(0, 20)
                .flatMap(i -> lock.run(() -> Flux.defer(() -> {
                            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            order.add(i);
                            return Mono.delay(Duration.ofMillis(2)).thenReturn(i);
                        })
                        .doOnTerminate(running::decrementAndGet)));
        StepVerifier.create(all).expectNextCount(20).verifyComplete();
        assertThat(maxRunning.get()).isEqualTo(1);
        assertThat(order).hasSize(20).isSorted();
    }

    @Test
    void aCancelledWaiterDoesNotBlockTheNext() {
        AsyncLock lock = new AsyncLock();
        Flux<Long> holder = lock.run(() -> Mono.delay(Duration.ofMillis(100)).flux());
        Flux<Long> cancelled = lock.run(() -> Flux.just(1L));
        Flux<Long> last = lock.run(() -> Flux.just(2L));
        holder.subscribeOn(Schedulers.parallel()).subscribe();
        cancelled.subscribe().dispose();
        StepVerifier.create(last).expectNext(2L).expectComplete().verify(Duration.ofSeconds(5));
    }

    @Test
    void anErrorReleasesTheLock() {
        AsyncLock lock = new AsyncLock();
        StepVerifier.create(lock.run(() -> Flux.error(new IllegalStateException("x"))))
                .expectError()
                .verify();
        StepVerifier.create(lock.run(() -> Flux.just(1))).expectNext(1).verifyComplete();
    }
}
