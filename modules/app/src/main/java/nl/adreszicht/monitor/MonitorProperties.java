package nl.adreszicht.monitor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monitor's configuration.
 *
 * @param normBeoordelingProcent the regional norm for veiligheidsbeoordelingen within 5 working days, in percent
 *     (domain.md section 5: 90)
 * @param normOnderzoekProcent the regional norm for onderzoeken within 10 weeks, in percent (80)
 * @param minimumHerhalingen the repeats within the window from which an address is on the list of repeat addresses
 *     (issue 15: 3)
 */
@ConfigurationProperties("adreszicht.monitor")
record MonitorProperties(
        @org.springframework.boot.context.properties.bind.DefaultValue("90")
        int normBeoordelingProcent,

        @org.springframework.boot.context.properties.bind.DefaultValue("80")
        int normOnderzoekProcent,

        @org.springframework.boot.context.properties.bind.DefaultValue("3")
        int minimumHerhalingen) {

    MonitorProperties {
        if (normBeoordelingProcent < 0
                || normBeoordelingProcent > 100
                || normOnderzoekProcent < 0
                || normOnderzoekProcent > 100) {
            throw new IllegalArgumentException("A norm is a percentage");
        }
        if (minimumHerhalingen < 1) {
            throw new IllegalArgumentException("adreszicht.monitor.minimum-herhalingen is at least 1");
        }
    }
}
