package nl.adreszicht.monitor;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * Where the monitor gets the records at an address: each module that records something at an address implements
 * this (police incidents, Veilig Thuis meldingen and adviezen, municipal signalen and huisverboden, and casusoverleg
 * cases once they exist), so recidive and the monitor's figures see every agency's records while {@code monitor}
 * depends on none of those modules. Read in the transaction that stored or changed a record, after
 * {@code records.RecordedAtAddress} or {@link MonitoredRecordChanged}.
 */
public interface MonitoredRecordSource {

    /** Every record this source holds at the address, whatever its age. */
    List<MonitoredRecord> recordsAt(AddressId address);
}
