package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Handelingsprotocol's transitions, without Spring. */
class HandelingsprotocolTest {

    private static Handelingsprotocol.Stand stand(
            StatusCode assessment, boolean started, boolean closed, boolean ended) {
        return new Handelingsprotocol.Stand(NewMelding.Kind.MELDING, assessment, started, closed, ended);
    }

    @Test
    void aMeldingIsAssessedOnceAndAnAdviesNever() {
        assertThatCode(() -> Handelingsprotocol.assess(stand(null, false, false, false)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Handelingsprotocol.assess(stand(StatusCode.VT_01_01, false, false, false)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
        assertThatThrownBy(() -> Handelingsprotocol.assess(
                        new Handelingsprotocol.Stand(NewMelding.Kind.ADVIES, null, false, false, false)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
    }

    @Test
    void anOnderzoekNeedsABeoordelingThatKeepsTheVervolgAtVtAndClosesOnce() {
        assertThatThrownBy(() -> Handelingsprotocol.startInvestigation(stand(null, false, false, false)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
        assertThatThrownBy(() -> Handelingsprotocol.startInvestigation(stand(StatusCode.VT_01_03, false, false, false)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
        assertThatCode(() -> Handelingsprotocol.startInvestigation(stand(StatusCode.VT_01_01, false, false, false)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Handelingsprotocol.closeInvestigation(stand(StatusCode.VT_01_01, false, false, false)))
                .hasMessageContaining("nooit gestart");
        assertThatThrownBy(() -> Handelingsprotocol.closeInvestigation(stand(StatusCode.VT_01_01, true, true, false)))
                .hasMessageContaining("al afgerond");
    }

    @Test
    void theInvolvementEndsOnceAfterTheBeoordelingAndNotDuringAnOnderzoek() {
        assertThatThrownBy(() -> Handelingsprotocol.end(stand(null, false, false, false)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
        assertThatThrownBy(() -> Handelingsprotocol.end(stand(StatusCode.VT_01_01, true, false, false)))
                .hasMessageContaining("loopt nog");
        assertThatCode(() -> Handelingsprotocol.end(stand(StatusCode.VT_01_01, true, true, false)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Handelingsprotocol.end(stand(StatusCode.VT_01_01, true, true, true)))
                .isInstanceOf(Handelingsprotocol.Refused.class);
    }
}
