package nl.adreszicht.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;

/** Turns a refused request on a personal-data row of the matrix into an {@link AccessRefused} event. */
final class RefusalPublisher {

    private final ApplicationEventPublisher events;
    private final CurrentProfessional currentProfessional;

    RefusalPublisher(ApplicationEventPublisher events, CurrentProfessional currentProfessional) {
        this.events = events;
        this.currentProfessional = currentProfessional;
    }

    void refused(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        AccessMatrix.find(request.getMethod(), path)
                .filter(Permission::personalData)
                .ifPresent(permission -> currentProfessional
                        .get()
                        .ifPresent(professional -> events.publishEvent(new AccessRefused(
                                professional, permission, request.getRemoteAddr(), CurrentProfessional.client()))));
    }
}
