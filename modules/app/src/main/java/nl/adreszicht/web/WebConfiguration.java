package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** Dutch by default; {@code ?lang=en} switches to English and a cookie remembers it on every replica. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("adreszicht-taal") {
            // Only the languages we have bundles for; anything else reads as Dutch, also in <html lang>.
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return "en".equals(super.resolveLocale(request).getLanguage()) ? Locale.ENGLISH : DUTCH;
            }
        };
        resolver.setDefaultLocale(DUTCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Flash attributes live in the session, and the dispatcher looks for them on every request it serves, assets
     * included: a request for an asset never carries them, so it does not read the session for them (the assets are
     * served without the session, so that they arrive while the database does not; see SecurityConfiguration).
     */
    @Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    FlashMapManager flashMapManager() {
        return new SessionFlashMapManager() {
            @Override
            protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                return AccessMatrix.isStaticResource(path) ? null : super.retrieveFlashMaps(request);
            }
        };
    }

    /** Between the session repository (an expired session reads as none) and Spring Security (the CSRF check). */
    @Bean
    FilterRegistrationBean<FormRescue> formRescue(DutchTime time) {
        FilterRegistrationBean<FormRescue> registration = new FilterRegistrationBean<>(new FormRescue(time));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
