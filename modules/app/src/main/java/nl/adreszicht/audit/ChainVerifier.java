package nl.adreszicht.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain and reports every entry that was edited, deleted, inserted or moved. Each link is
 * checked against its own stored predecessor, so one break is reported once rather than cascading.
 */
@Component
class ChainVerifier {

    private final JdbcTemplate jdbc;

    ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    VerificationReport verify() {
        Map<String, Long> sealedDigests = new HashMap<>();
        jdbc.query("SELECT entry_id, entry_digest FROM access_log_seal", row -> {
            sealedDigests.put(row.getString(2), row.getLong(1));
        });
        Long lastSealed = jdbc.queryForObject("SELECT max(entry_id) FROM access_log_seal", Long.class);
        long lastSealedId = lastSealed == null ? 0 : lastSealed;

        List<VerificationReport.Finding> findings = new ArrayList<>();
        long[] counts = new long[2]; // checked, pending
        Object[] previous = {0L, ChainHash.GENESIS}; // id and chain hash of the previous seal
        jdbc.query(
                "SELECT e." + ChainHash.ENTRY_COLUMNS.replace(", ", ", e.")
                        + ", e.id IS NOT NULL AS has_entry, s.entry_id AS seal_id, s.previous_entry_id,"
                        + " s.entry_digest, s.chain_hash"
                        + " FROM access_log e FULL OUTER JOIN access_log_seal s ON s.entry_id = e.id"
                        + " ORDER BY coalesce(e.id, s.entry_id)",
                row -> {
                    boolean hasEntry = row.getBoolean("has_entry");
                    long sealId = row.getLong("seal_id");
                    boolean hasSeal = !row.wasNull();
                    if (!hasSeal) {
                        long id = row.getLong("id");
                        if (id < lastSealedId) {
                            findings.add(new VerificationReport.Finding(id, VerificationReport.Kind.INGEVOEGD));
                        } else {
                            counts[1]++;
                        }
                        return;
                    }
                    counts[0]++;
                    long previousId = (long) previous[0];
                    long linkedPrevious = row.getLong("previous_entry_id");
                    if (row.wasNull()) {
                        linkedPrevious = 0;
                    }
                    if (linkedPrevious != previousId) {
                        // The seal names a predecessor that is no longer there: entries were removed in between.
                        findings.add(
                                new VerificationReport.Finding(linkedPrevious, VerificationReport.Kind.VERWIJDERD));
                    }
                    String storedDigest = row.getString("entry_digest");
                    String chainHash = row.getString("chain_hash");
                    if (!hasEntry) {
                        findings.add(new VerificationReport.Finding(sealId, VerificationReport.Kind.VERWIJDERD));
                    } else {
                        String digest = ChainHash.entryDigest(row);
                        if (!digest.equals(storedDigest)) {
                            Long elsewhere = sealedDigests.get(digest);
                            findings.add(new VerificationReport.Finding(
                                    sealId,
                                    elsewhere != null && elsewhere != sealId
                                            ? VerificationReport.Kind.VERPLAATST
                                            : VerificationReport.Kind.GEWIJZIGD));
                        } else {
                            String base = previousLinkHash(linkedPrevious, previousId, (String) previous[1]);
                            // Without its predecessor a link cannot be checked; the removal is reported above.
                            if (base != null
                                    && !ChainHash.link(base, sealId, storedDigest)
                                            .equals(chainHash)) {
                                findings.add(new VerificationReport.Finding(sealId, VerificationReport.Kind.GEWIJZIGD));
                            }
                        }
                    }
                    previous[0] = sealId;
                    previous[1] = chainHash;
                });
        return new VerificationReport(counts[0], counts[1], findings);
    }

    /** The hash this link was built on: its stored predecessor's, the genesis for the first link, or null. */
    private @Nullable String previousLinkHash(long linkedPrevious, long previousId, String previousHash) {
        if (linkedPrevious == previousId) {
            return linkedPrevious == 0 ? ChainHash.GENESIS : previousHash;
        }
        List<String> stored = jdbc.queryForList(
                "SELECT chain_hash FROM access_log_seal WHERE entry_id = ?", String.class, linkedPrevious);
        return stored.isEmpty() ? null : stored.get(0);
    }
}
