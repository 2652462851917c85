/**
 * Who the caller is and what they may do. One {@code SecurityConfiguration} holds both filter chains: OAuth2
 * login with a server-side (JDBC) session for the UI, and a stateless resource server for {@code /api/v1/**}.
 * Keycloak realm roles become authorities only through the allow-list in {@link nl.adreszicht.security.Role};
 * scope (organisation, VT region, gemeente) comes from token claims as a {@link nl.adreszicht.security.Professional}.
 */
@ApplicationModule(allowedDependencies = {"time"})
@NullMarked
package nl.adreszicht.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
