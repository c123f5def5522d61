package io.retort.examples.webflux;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound allowances of the service's tests, beside the library's {@code RetortBlockHoundIntegration}: only
 * one-time reads by third-party code on the first request that needs them, cached afterwards.
 *
 * <pre>{@code
 * META-INF/services/reactor.blockhound.integration.BlockHoundIntegration
 * }</pre>
 */
public final class ServiceBlockHoundIntegration implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Hibernate Validator reads its message bundle (ValidationMessages.properties) at the first violation
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
    }
}
