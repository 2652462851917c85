package nl.adreszicht.retention;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.adreszicht.records.RecordSource;
import org.springframework.stereotype.Component;

/** The {@link RetentionSource} of each source, as the modules that store records provide them. */
@Component
class RetentionSources {

    private final Map<RecordSource, RetentionSource> bySource = new EnumMap<>(RecordSource.class);

    RetentionSources(List<RetentionSource> sources) {
        for (RetentionSource source : sources) {
            if (bySource.put(source.source(), source) != null) {
                throw new IllegalStateException("Two retention sources for " + source.source());
            }
        }
    }

    /** Every source, in the order of {@link RecordSource}. */
    java.util.Collection<RetentionSource> all() {
        return bySource.values();
    }

    Optional<RetentionSource> of(RecordSource source) {
        return Optional.ofNullable(bySource.get(source));
    }
}
