package nl.adreszicht.idempotency;

import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.security.CurrentProfessional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Registers the {@link IdempotencyFilter} right after the security filters. */
@Configuration
class IdempotencyConfiguration {

    /** Only where there is an API: the command-line runs (import, verify, generate) have no web context. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            StoredResponses stored,
            PlatformTransactionManager transactions,
            CurrentProfessional professionals,
            AccessLog accessLog,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(stored, transaction, professionals, accessLog, problems));
        // After Spring Security's chain, which authenticates the caller the key is scoped to.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }
}
