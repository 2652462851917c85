package nl.adreszicht.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The layout's model is made for pages only: {@link LayoutModel} applies to the handlers of page controllers and the
 * error page, and to no {@code /api/v1} handler, so an API request never builds a menu (it was 5.7 % of the API's
 * CPU while the advice ran for every handler).
 */
@SpringBootTest
@AutoConfigureMockMvc
class LayoutModelScopeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** The application's handlers (the actuator has a mapping of its own, of which this is not one). */
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @MockitoSpyBean
    LayoutModel layout;

    @BeforeEach
    void forgetEarlierRequests() {
        clearInvocations(layout);
    }

    @Test
    void anApiRequestLeavesTheLayoutAlone() throws Exception {
        mvc.perform(get("/api/v1/geweldsvormen")
                        .with(jwt().authorities(new SimpleGrantedAuthority(Role.POLITIE_MEDEWERKER.authority()))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/geweldsvormen/bestaat-niet")
                        .with(jwt().authorities(new SimpleGrantedAuthority(Role.VT_MEDEWERKER.authority()))))
                .andExpect(status().isNotFound());

        verifyNoInteractions(layout);
    }

    @Test
    void aPageGetsTheLayout() throws Exception {
        mvc.perform(get("/privacyverklaring")).andExpect(status().isOk());

        verify(layout, atLeastOnce()).menu(any());
        verify(layout, atLeastOnce()).breadcrumbs(any());
    }

    /** Every mapped handler, not only the two requested above: the API's never, pages and the error page always. */
    @Test
    void theAdviceAppliesToEveryPageHandlerAndNoApiHandler() {
        ControllerAdviceBean advice = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                .filter(bean -> LayoutModel.class.isAssignableFrom(bean.getBeanType()))
                .findFirst()
                .orElseThrow();
        List<String> wrong = new ArrayList<>();
        int api = 0;
        int pages = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                handlers.getHandlerMethods().entrySet()) {
            Class<?> controller = handler.getValue().getBeanType();
            boolean isApi = handler.getKey().getPatternValues().stream()
                    .anyMatch(pattern -> pattern.startsWith(ApiRequests.PREFIX));
            boolean isPage = AnnotatedElementUtils.hasAnnotation(controller, PageController.class)
                    || ErrorController.class.isAssignableFrom(controller);
            boolean laidOut = advice.isApplicableToBeanType(controller);
            if (isApi) {
                api++;
            } else {
                pages++;
            }
            if (isApi ? laidOut || isPage : !laidOut || !isPage) {
                wrong.add(handler.getKey() + " on " + controller.getSimpleName() + (laidOut ? " (laid out)" : ""));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api).as("API handlers seen").isGreaterThan(50);
        assertThat(pages).as("page handlers seen").isGreaterThan(50);
    }
}
