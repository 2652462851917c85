package nl.adreszicht.retention;

import java.util.Set;
import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * What retention knows of a stored record: who owns it, where it was recorded and who worked on it. No content.
 *
 * @param organisation the organisation that recorded it (the controller of its data); null for a Veilig Thuis record
 *     stored before records carried their organisation, which then belongs to the organisation of its region
 * @param vtRegion the Veilig Thuis region of a Veilig Thuis record, else null
 * @param address the address it was recorded at, whose colour is recomputed once it is gone
 * @param workedOnBy the subjects of the professionals who registered or changed it: none of them may destroy it
 *     (separation of duties)
 */
public record StoredRecord(
        @Nullable String organisation, @Nullable String vtRegion, AddressId address, Set<String> workedOnBy) {

    public StoredRecord {
        workedOnBy = Set.copyOf(workedOnBy);
        if (organisation == null && vtRegion == null) {
            throw new IllegalArgumentException("A stored record has an organisation or a Veilig Thuis region");
        }
    }

    /** Whether a privacy officer of this organisation and region is the record's owner's officer. */
    public boolean ownedBy(String organisation, @Nullable String vtRegion) {
        return this.organisation != null ? this.organisation.equals(organisation) : this.vtRegion.equals(vtRegion);
    }
}
