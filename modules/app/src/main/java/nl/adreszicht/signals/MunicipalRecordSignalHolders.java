package nl.adreszicht.signals;

import java.util.Set;
import java.util.stream.Collectors;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.records.AddressId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The municipal organisations with a signaal or huisverbod at an address, for signal matching. */
@Component
@Transactional(readOnly = true)
class MunicipalRecordSignalHolders implements SignalHolders {

    private final MunicipalRecords records;

    MunicipalRecordSignalHolders(MunicipalRecords records) {
        this.records = records;
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return records.findByAddressId(address.value()).stream()
                .map(MunicipalRecord::organisation)
                .collect(Collectors.toUnmodifiableSet());
    }
}
