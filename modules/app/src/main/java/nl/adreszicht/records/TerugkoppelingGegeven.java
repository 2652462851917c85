package nl.adreszicht.records;

import java.time.Instant;
import java.util.UUID;

/**
 * Veilig Thuis gave terugkoppeling about a zorgmelding it took in: the status code the melder (the police) sees on
 * their record, nothing of Veilig Thuis's work behind it. Published by {@code veiligthuis} in the transaction of the
 * step that gives it; {@code incidents} shows it on the zorgmelding after the commit, through the event publication
 * registry, so it is never lost. Here in the kernel because the melder's module and Veilig Thuis's must agree on it
 * while the melder's module knows nothing of Veilig Thuis. A later code replaces an earlier one, by {@code at}, so a
 * late or repeated delivery never puts an older code back.
 *
 * @param zorgmelding the zorgmelding's id
 * @param statusCode the status code, e.g. {@code VT-01-02}
 * @param at when it was given
 */
public record TerugkoppelingGegeven(UUID zorgmelding, String statusCode, Instant at) {}
