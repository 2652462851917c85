package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** RD New to WGS84 with the published polynomial approximation. */
class RdNewTest {

    @Test
    void theOriginInAmersfoortIsItsKnownLatitudeAndLongitude() {
        double[] amersfoort = RdNew.toWgs84(155_000, 463_000);

        assertThat(amersfoort[0]).isCloseTo(52.1552, within(0.0001));
        assertThat(amersfoort[1]).isCloseTo(5.3872, within(0.0001));
    }

    @Test
    void aKilometreFromTheOriginIsAKilometreOnTheSphere() {
        // One kilometre north is 1/111.2 degrees of latitude; one east 1/(111.3 cos 52.16) degrees of longitude.
        double[] north = RdNew.toWgs84(155_000, 464_000);
        double[] east = RdNew.toWgs84(156_000, 463_000);
        assertThat(north[0] - 52.15517440).isCloseTo(0.00899, within(0.0001));
        assertThat(east[1] - 5.38720621).isCloseTo(0.01461, within(0.0002));
    }

    @Test
    void rdMetresAreToldFromDegrees() {
        assertThat(RdNew.looksLikeRd(155_000, 463_000)).isTrue();
        assertThat(RdNew.looksLikeRd(5.38, 52.15)).isFalse();
    }
}
