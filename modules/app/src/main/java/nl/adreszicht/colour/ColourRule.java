package nl.adreszicht.colour;

/**
 * The named rules of the colour table (domain.md section 4). Each rule gives one colour and reads its threshold
 * from the {@link ColourRulesVersion}, so the names describe what a rule counts, not the number of v1. Of the
 * rules that match, the highest colour wins; they are declared from red down, and among rules of one colour in
 * the table's order, so the first rule that fires is the one that decided.
 */
enum ColourRule {
    /** At least {@code redIncidents} incidents (v1: 5). */
    INCIDENT_COUNT_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidents() >= version.redIncidents();
        }
    },
    /** An incident at S3 with children present (v1: 1). */
    S3_WITH_CHILDREN_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.s3IncidentsWithChildren() >= version.redS3IncidentsWithChildren();
        }
    },
    /** At least {@code redIncidentsWithAnS3} incidents of which one at S3 (v1: 2). */
    INCIDENTS_WITH_AN_S3_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidentsAtS3() >= 1 && facts.incidents() >= version.redIncidentsWithAnS3();
        }
    },
    /** Veilig Thuis found acute onveiligheid. */
    ACUTE_ONVEILIGHEID_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.acuteOnveiligheid();
        }
    },
    /** A huisverbod was broken. */
    HUISVERBOD_BROKEN_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.huisverbodBroken();
        }
    },
    /** A professional raised the colour, with a reason. */
    RAISED_BY_PROFESSIONAL_IS_RED(Colour.RED) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.raised();
        }
    },
    /** At least {@code orangeIncidents} incidents (v1: 3). */
    INCIDENT_COUNT_IS_ORANGE(Colour.ORANGE) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidents() >= version.orangeIncidents();
        }
    },
    /** At least {@code orangeIncidentsWithChildren} incidents with children present (v1: 2). */
    INCIDENTS_WITH_CHILDREN_IS_ORANGE(Colour.ORANGE) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidentsWithChildren() >= version.orangeIncidentsWithChildren();
        }
    },
    /** At least {@code orangeIncidentsAtS3} incidents at S3 (v1: 1, "any S3"). */
    S3_IS_ORANGE(Colour.ORANGE) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidentsAtS3() >= version.orangeIncidentsAtS3();
        }
    },
    /** A huisverbod was imposed. */
    HUISVERBOD_IMPOSED_IS_ORANGE(Colour.ORANGE) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.huisverbodImposed();
        }
    },
    /** At least {@code yellowIncidents} incidents (v1: 2). */
    INCIDENT_COUNT_IS_YELLOW(Colour.YELLOW) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidents() >= version.yellowIncidents();
        }
    },
    /**
     * At least {@code yellowIncidentsAtS2} incidents at S2 or worse (v1: 1). An S3 counts too, so that a worse
     * incident never satisfies fewer rules than a milder one.
     */
    S2_IS_YELLOW(Colour.YELLOW) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidentsAtS2OrWorse() >= version.yellowIncidentsAtS2();
        }
    },
    /** At least {@code yellowIncidentsWithChildren} incidents with children present (v1: 1). */
    CHILDREN_PRESENT_IS_YELLOW(Colour.YELLOW) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidentsWithChildren() >= version.yellowIncidentsWithChildren();
        }
    },
    /**
     * An incident in the window. The table's "1 incident, S1, no children" is what is left when no higher rule
     * matches; as a rule of its own it holds for every incident, so no incident is ever left without a colour.
     */
    INCIDENT_IN_WINDOW_IS_GREEN(Colour.GREEN) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.incidents() >= 1;
        }
    },
    /**
     * History exists, but nothing in the window counts: no incident, no flag, no raise in force. (Without any
     * history the policy gives no decision, so history is a given here.)
     */
    HISTORY_OUTSIDE_WINDOW_IS_GREY(Colour.GREY) {
        @Override
        boolean matches(ColourFacts facts, ColourRulesVersion version) {
            return facts.nothingInWindow();
        }
    };

    private final Colour colour;

    ColourRule(Colour colour) {
        this.colour = colour;
    }

    /** The colour this rule gives when it matches. */
    public Colour colour() {
        return colour;
    }

    abstract boolean matches(ColourFacts facts, ColourRulesVersion version);
}
