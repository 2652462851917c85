package nl.adreszicht.casusoverleg;

import java.util.Arrays;

/** Where a case stands, from referral to closing; the code is what the database and the API carry. */
enum CaseStatus {
    /** Referred (or proposed) and waiting for triage by the procesregisseur. */
    AANGEMELD("aangemeld"),
    /** Declined at triage, with a reason the referrer sees. */
    AFGEWEZEN("afgewezen"),
    /** Accepted: partners invited, on the agenda, a plan van aanpak. */
    LOPEND("lopend"),
    /** Closed with an outcome. */
    GESLOTEN("gesloten");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static CaseStatus ofCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown case status " + code));
    }
}
