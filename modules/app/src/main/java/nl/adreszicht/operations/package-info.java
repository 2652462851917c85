/**
 * Running Adreszicht on real infrastructure: a database check that answers within a second (readiness goes DOWN
 * while PostgreSQL is unreachable and UP again by itself), the recognition of a database that cannot be reached and
 * of a pool whose connections are all busy (so requests are answered 503 with {@code Retry-After} instead of 500
 * after the pool's wait), scheduled jobs that report such a fault once a minute instead of a stack trace per run,
 * the drain of kept-alive connections at shutdown, and the business signals for Prometheus (registrations, refusals,
 * break-the-glass grants, the access log's sealer lag and last chain verification, scheduled job outcomes). See
 * docs/operators.md.
 */
@ApplicationModule(allowedDependencies = {"records", "security"})
@NullMarked
package nl.adreszicht.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
