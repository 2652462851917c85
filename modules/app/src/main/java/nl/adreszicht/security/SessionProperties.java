package nl.adreszicht.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a browser session may rest on what Keycloak said at login.
 *
 * @param recheckAfter how often roles and scope are fetched again with the refresh token, so that a removed role, a
 *     moved region or a disabled account takes effect within this time
 * @param absoluteLifetime how long a session lives at most, however active (the idle timeout is
 *     {@code spring.session.timeout})
 */
@ConfigurationProperties("adreszicht.session")
record SessionProperties(
        @DefaultValue("PT5M") Duration recheckAfter,
        @DefaultValue("PT8H") Duration absoluteLifetime) {}
