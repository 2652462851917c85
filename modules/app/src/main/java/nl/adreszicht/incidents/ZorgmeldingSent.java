package nl.adreszicht.incidents;

import java.util.UUID;

/**
 * A police officer sent an incident to Veilig Thuis as a zorgmelding. Published in the sending transaction, so
 * Veilig Thuis intake can take it up; it carries ids only, and Veilig Thuis reads the content through its own
 * access-logged use.
 *
 * @param zorgmelding the zorgmelding's id
 * @param incident the incident it is about
 * @param address the address of the incident
 */
public record ZorgmeldingSent(UUID zorgmelding, UUID incident, UUID address) {}
