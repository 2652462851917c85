/**
 * The embedded defaults that let Adreszicht run on a machine with only a JDK: a real PostgreSQL from
 * zonky's embedded binaries when no {@code spring.datasource.url} is configured, and a real Keycloak started
 * from its distribution when no external OIDC issuer is configured. Production deployments configure both and
 * none of this starts.
 */
@NullMarked
package nl.adreszicht.localstack;

import org.jspecify.annotations.NullMarked;
