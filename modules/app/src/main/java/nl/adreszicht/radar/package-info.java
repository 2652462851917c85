/**
 * The radar of Veilig Thuis (domain.md sections 2 and 5): the history of an address across every agency, in one
 * timeline, for Veilig Thuis professionals whose region covers the address; beyond their region only through
 * break-the-glass, which is time-limited, logged and reviewed by their supervisors. The history is collected from
 * every module's {@code AddressHistorySource}; this module stores only the break-the-glass grants.
 */
@NullMarked
package nl.adreszicht.radar;

import org.jspecify.annotations.NullMarked;
