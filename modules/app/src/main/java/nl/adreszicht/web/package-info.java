/**
 * The shell every feature hangs in: the Thymeleaf layout with htmx, the per-role start page, language
 * selection (Dutch by default, English as a second language), and the {@code /api/v1} conventions that hold
 * for every endpoint: the {@code API-Version} header and RFC 9457 problem details for every error.
 */
@ApplicationModule(allowedDependencies = {"records", "security", "codelists", "operations", "time", "idempotency"})
@NullMarked
package nl.adreszicht.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
