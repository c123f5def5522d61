package io.retort.orm.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for {@code @GeneratedValue(strategy = UUID)} without blocking: {@code UUID.randomUUID()}
 * reads {@code /dev/urandom} through the platform's SecureRandom, which is blocking I/O on an event-loop
 * thread. A SHA1PRNG generator seeded once (when the class loads, outside any reactive pipeline) is pure
 * computation afterwards.
 */
final class Uuids {
    private static final SecureRandom RANDOM = create();

    private Uuids() {}

    private static SecureRandom create() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(SecureRandom.getSeed(32));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is not available", e);
        }
    }

    /** Loads the class (and seeds the generator) on the calling, non-reactive thread. */
    static void init() {
        // class initialisation does the work
    }

    static UUID random() {
        byte[] b = new byte[16];
        synchronized (RANDOM) {
            RANDOM.nextBytes(b);
        }
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (b[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
