/**
 * The small kernel every recording module shares, and nothing else: the address id every record is kept under, where
 * a record comes from ({@link nl.adreszicht.records.RecordSource}) and how severe it is, the events that a record was
 * stored, changed or destroyed ({@link nl.adreszicht.records.RecordEvent}, ADR 0011) and that feedback was given
 * ({@link nl.adreszicht.records.TerugkoppelingGegeven}), the domain exceptions services throw (mapped to HTTP only by
 * {@code web}), the reason a professional states for an exceptional step, and the validation errors that name a field
 * and a message key, the open work a module reports for the start page ({@link nl.adreszicht.records.OpenWork}), and
 * the stereotype of a controller that renders pages ({@link nl.adreszicht.records.PageController}, laid out by
 * {@code web}). It depends on no other module; a type belongs here only when several modules that do not otherwise
 * know each other must agree on it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package nl.adreszicht.records;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
