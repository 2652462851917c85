/**
 * The area scan (gebiedsscan, domain.md section 6) of the caller's own gemeente, for the gemeente-analist. Reads the
 * anonymous tallies ({@code record_tally}, {@code record_tally_violence_type}: per CBS area and month, with the sums
 * per year and the national ones beside them; no ids, no address, no person; kept by {@code RecordTally} from every {@code records.RecordStored}, in the transaction that
 * stores the record and last in it ({@code records.CounterWrites}), and nothing subtracts, so they outlive retention), the register's addresses per
 * buurt and the current colours; protects them with {@code DisclosureControl} (docs/privacy/disclosure-control.md)
 * into one {@code Gebiedsscan} that the API, page table, chart, map and CSV all show. Also the CBS area boundaries
 * ({@code area_boundary}) and their GeoJSON import.
 */
@ApplicationModule(
        allowedDependencies = {"records", "addresses", "colour", "codelists", "operations", "security", "time"})
@NullMarked
package nl.adreszicht.areascan;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
