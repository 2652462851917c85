package nl.adreszicht.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets {@code API-Version} on every {@code /api/v1} response (NL API Design Rules), including the 401 and 403
 * that the security filters write, which is why this runs ahead of them.
 */
class ApiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "API-Version";
    static final String VERSION = "1.0.0";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiRequests.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, VERSION);
        chain.doFilter(request, response);
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ApiVersionFilter> apiVersionFilter() {
            FilterRegistrationBean<ApiVersionFilter> registration =
                    new FilterRegistrationBean<>(new ApiVersionFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
