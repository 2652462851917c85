package nl.adreszicht.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The management port ({@code MANAGEMENT_SERVER_PORT}, e.g. 9090 on Kubernetes): health and its probe groups and the
 * Prometheus scrape, anonymous, for the kubelet and the monitoring namespace that the NetworkPolicy lets in; nothing
 * else. Requests on the public port never match this chain, so {@code /actuator/prometheus} there falls to the UI
 * chain and is refused; without a separate management port the metrics are reachable nowhere.
 */
@Configuration
@ConditionalOnWebApplication
class ManagementPortSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain managementPortFilterChain(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(new OnManagementPort(environment))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** A request that arrived on the separate management port, once Spring Boot has opened one. */
    record OnManagementPort(Environment environment) implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null
                    && management > 0
                    && !management.equals(server)
                    && request.getLocalPort() == management;
        }
    }
}
